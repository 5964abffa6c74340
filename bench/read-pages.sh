#!/usr/bin/env bash
# Page reading, whole process, one core: `minutes parse --json` against the
# BeautifulSoup baseline (bench/bs4_baseline.py) over the same real pages
# (testdata/sites/real-* item pages and the raw Espoo HTML), each read
# ROUNDS times (default 5). Prints both times and the ratio.
#
#   make bench-read              (needs Debian's python3-bs4 and python3-lxml)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-5}"
py="${PYTHON:-/usr/bin/python3}"
if ! "$py" -c 'import bs4, lxml' 2>/dev/null; then
  echo "bench/read-pages.sh: $py has no bs4 and lxml (apt-get install python3-bs4 python3-lxml)" >&2
  exit 2
fi
bin=$(mktemp -d)/minutes
trap 'rm -rf "$(dirname "$bin")"' EXIT
CGO_ENABLED=0 go build -o "$bin" ./cmd/minutes
pages=()
for _ in $(seq "$rounds"); do
  pages+=(testdata/sites/real-*/meetingitem/*.html testdata/real/espoo/*.HTM)
done
one=""
command -v taskset >/dev/null && one="taskset -c 0"
now() { date +%s.%N; }
t0=$(now); GOMAXPROCS=1 $one "$bin" parse --json "${pages[@]}" > /dev/null; t1=$(now)
$one "$py" bench/bs4_baseline.py "${pages[@]}" > /dev/null; t2=$(now)
awk -v n="${#pages[@]}" -v g="$(echo "$t1 - $t0" | bc)" -v p="$(echo "$t2 - $t1" | bc)" -v cpu="$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)" 'BEGIN {
  printf "%d pages, one core (%s)\n", n, cpu
  printf "minutes parse --json   %7.2f s  %7.0f pages/s\n", g, n / g
  printf "BeautifulSoup + lxml   %7.2f s  %7.0f pages/s\n", p, n / p
  printf "ratio                  %7.1f x\n", p / g
}'
