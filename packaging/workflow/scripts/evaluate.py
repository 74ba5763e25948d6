#!/usr/bin/env python3
"""`slidesight-cli evaluate` on the cohort's grids, its JSON kept in a file.

    evaluate.py --cli CLI --model BUNDLE --manifest grids.csv --device D --out evaluation.json

When no slide could be extracted, or evaluate fails, the file says why ("error") instead of
failing the workflow: the report shows the sentence.
"""

import argparse

from cohortfiles import run_cli, write_json_atomically


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("--cli", "--model", "--manifest", "--out"):
        parser.add_argument(name, required=True)
    parser.add_argument("--device", default="auto")
    args = parser.parse_args()
    with open(args.manifest) as f:
        lines = [l for l in f.read().splitlines()[1:] if l.strip()]
    if not lines:
        result = {"error": "No slide could be extracted, so the bundle was not evaluated."}
    else:
        result, error = run_cli([args.cli, "evaluate", "--model", args.model, "--manifest", args.manifest,
                                 "--device", args.device])
        if result is None:
            result = {"error": error}
    write_json_atomically(args.out, result)


if __name__ == "__main__":
    main()
