#!/usr/bin/python3
"""The BeautifulSoup baseline of issue 12: read Dynasty item pages the way a
typical Python scraper does (BeautifulSoup with lxml, the text, two regular
expressions) and print one JSON line per page. It does far less than
`minutes parse --json` (no charset detection beyond the parser's own, no
structure, no Finnish wording): it only sets the pace to beat.

    bench/bs4_baseline.py PAGE.html...
"""
import json
import re
import sys

from bs4 import BeautifulSoup

SECTION = re.compile(r"(?:Pykälä|§)\s*(\d+)")
DIARY = re.compile(r"\b(\d+/\d\d\.\d\d\.\d\d(?:\.\d\d)?/\d{4})\b")


def read(path):
    with open(path, "rb") as f:
        raw = f.read()
    soup = BeautifulSoup(raw, "lxml")
    text = soup.get_text("\n")
    section = SECTION.search(text)
    diary = DIARY.search(text)
    title = soup.title.get_text(strip=True) if soup.title else ""
    return {
        "input": path,
        "title": title,
        "section": int(section.group(1)) if section else None,
        "diary_number": diary.group(1) if diary else None,
        "chars": len(text),
    }


def main(paths):
    out = sys.stdout
    for p in paths:
        out.write(json.dumps(read(p), ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
