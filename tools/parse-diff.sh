#!/usr/bin/env bash
# Differential parse: `minutes parse --json` of a base revision against the
# working tree, over every page the parser may be changed against: the
# development parts of testdata/real and of the wording set, the matters
# pages, the fixture sites' item pages, the raw Espoo HTML and the seeds.
# Never a held-out page, nor a copy of one under another name (matched by
# content: some matters pages are byte copies of real pages). Prints each
# page whose JSON differs, with the difference, then the count.
#
#   tools/parse-diff.sh [REV]      (REV defaults to HEAD)
#   make parse-diff REV=…
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:-HEAD}"
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add -q --detach "$tmp/base" "$rev"
(cd "$tmp/base" && CGO_ENABLED=0 go build -o "$tmp/old" ./cmd/minutes)
CGO_ENABLED=0 go build -o "$tmp/new" ./cmd/minutes

# The held-out pages, and the content of each, to leave out copies too.
held="$tmp/held"
: > "$held"
for set in testdata/real testdata/real/wording; do
  awk -F'\t' '$2 == "heldout" {print $1}' "$set/split.tsv" | while read -r n; do
    sha256sum "$set/texts/$n.txt" | cut -d' ' -f1 >> "$held"
  done
done
list="$tmp/list"
: > "$list"
for set in testdata/real testdata/real/wording; do
  awk -F'\t' -v d="$set/texts/" '$2 == "dev" {print d $1 ".txt"}' "$set/split.tsv" >> "$list"
done
ls testdata/matters/pages/*.txt testdata/sites/*/meetingitem/*.html testdata/real/espoo/*.HTM testdata/seeds/*.txt >> "$list" 2>/dev/null || true

pretty() { python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin), indent=1, ensure_ascii=False))' 2>/dev/null || cat; }
changed=0 read=0 skipped=0
while read -r f; do
  if grep -qx "$(sha256sum "$f" | cut -d' ' -f1)" "$held"; then
    skipped=$((skipped + 1))
    continue
  fi
  read=$((read + 1))
  a=$("$tmp/old" parse --json "$f" 2>&1 || true)
  b=$("$tmp/new" parse --json "$f" 2>&1 || true)
  if [ "$a" != "$b" ]; then
    changed=$((changed + 1))
    echo "== $f"
    diff <(echo "$a" | pretty) <(echo "$b" | pretty) | head -"${DIFFLINES:-40}" || true
  fi
done < <(sort -u "$list")
echo "parse-diff against $rev: $changed of $read pages changed ($skipped copies of held-out pages left out)"
