#!/usr/bin/env python3
"""The cohort's grids as a manifest for `slidesight-cli train` and `evaluate`.

    gridmanifest.py --out grids.csv extract.json...

One line `path,label[,fold]` per slide whose extraction succeeded (the fold column only when
every such slide has one), in the order given. Written through a temporary file.
"""

import argparse
import json

from cohortfiles import write_text_atomically


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("status", nargs="+")
    args = parser.parse_args()
    records = []
    for path in args.status:
        with open(path) as f:
            record = json.load(f)
        if record.get("status") == "ok":
            records.append(record)
    with_folds = bool(records) and all(r.get("fold") for r in records)
    lines = ["path,label,fold" if with_folds else "path,label"]
    for r in records:
        fields = [r["grid"], r["label"]] + ([r["fold"]] if with_folds else [])
        lines.append(",".join(fields))
    write_text_atomically(args.out, "\n".join(lines) + "\n")

if __name__ == "__main__":
    main()
