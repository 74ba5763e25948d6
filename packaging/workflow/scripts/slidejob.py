#!/usr/bin/env python3
"""One slide's job in the cohort workflow: runs slidesight-cli and writes a status file.

    slidejob.py extract --cli CLI --slide SLIDE --id ID --label L --folder DIR --status extract.json
                [--weights W --arch A --mpp M --patch P | --model BUNDLE] [options]
    slidejob.py analyze ... --extract-status extract.json --model BUNDLE --map KEY

extract: the grid of patch features (DIR/grid.pt, tissue detection included) and a thumbnail
(DIR/slide.png). analyze: the bundle's prediction and maps (DIR/result.pt) and a thumbnail with
a map over it (DIR/map.png). The status file is JSON: "status" is "ok" or "failed", with the
command's own JSON output, or the one sentence that says why it failed. It is written through a
temporary file, so a status file is always whole. A failed slide still gets its status file and
the job succeeds, so that the other slides go on; with --stop-on-failure the job fails instead.
"""

import argparse
import json
import os
import sys

from cohortfiles import run_cli, write_json_atomically


def slide_mpp_arguments(args):
    """--slide-mpp from the manifest, or the configured value for a slide that records none."""
    if args.slide_mpp:
        return ["--slide-mpp", args.slide_mpp]
    if args.default_slide_mpp:
        info, error = run_cli([args.cli, "info", args.slide])
        if info is not None and not info.get("mpp", {}).get("known", False):
            return ["--slide-mpp", args.default_slide_mpp]
    return []


def common_arguments(args):
    arguments = ["--device", args.device, "--threads", str(args.threads)]
    if args.cache_dir:
        arguments += ["--cache-dir", args.cache_dir]
    return arguments


def finish(args, record):
    record.update({"id": args.id, "slide": args.slide, "label": args.label, "fold": args.fold})
    write_json_atomically(args.status, record)
    if record["status"] != "ok":
        print("%s: %s" % (args.id, record["error"]), file=sys.stderr)
        if args.stop_on_failure:
            return 1
    return 0


def extract(args):
    grid = os.path.join(args.folder, "grid.pt")
    arguments = [args.cli, "extract", args.slide, "--out", grid] + common_arguments(args) + slide_mpp_arguments(args)
    if args.model:
        arguments += ["--model", args.model]
    else:
        arguments += ["--weights", args.weights, "--arch", args.arch, "--mpp", args.mpp, "--patch", args.patch]
    output, error = run_cli(arguments)
    if output is None:
        return finish(args, {"status": "failed", "stage": "extract", "error": error})
    thumbnail = os.path.join(args.folder, "slide.png")
    _, thumbnail_error = run_cli([args.cli, "thumbnail", args.slide, "--out", thumbnail])
    return finish(args, {"status": "ok", "stage": "extract", "grid": os.path.abspath(grid), "extract": output,
                         "thumbnail": None if thumbnail_error else os.path.abspath(thumbnail),
                         "thumbnail_error": thumbnail_error})


def analyze(args):
    with open(args.extract_status) as f:
        extracted = json.load(f)
    if extracted.get("status") != "ok":
        record = {k: extracted.get(k) for k in ("status", "stage", "error")}
        return finish(args, record)
    result = os.path.join(args.folder, "result.pt")
    arguments = [args.cli, "analyze", args.slide, "--model", args.model, "--out", result]
    output, error = run_cli(arguments + common_arguments(args) + slide_mpp_arguments(args))
    if output is None:
        return finish(args, {"status": "failed", "stage": "analyze", "error": error,
                             "grid": extracted.get("grid"), "extract": extracted.get("extract"),
                             "thumbnail": extracted.get("thumbnail")})
    # A degenerate Grad-CAM is rounding noise: the viewer does not show it, nor does the report.
    shown = args.map
    if shown == "gradcam" and output.get("gradcam_degenerate"):
        shown = "attention-max"
    picture = os.path.join(args.folder, "map.png")
    _, picture_error = run_cli([args.cli, "thumbnail", args.slide, "--map", "%s:%s" % (result, shown), "--out", picture])
    return finish(args, {"status": "ok", "stage": "analyze", "grid": extracted.get("grid"),
                         "extract": extracted.get("extract"), "analyze": output, "result": os.path.abspath(result),
                         "thumbnail": extracted.get("thumbnail"),
                         "map_picture": None if picture_error else os.path.abspath(picture),
                         "map_shown": shown, "map_error": picture_error})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=["extract", "analyze"])
    for name in ("--cli", "--slide", "--id", "--label", "--folder", "--status"):
        parser.add_argument(name, required=True)
    parser.add_argument("--fold", default="")
    parser.add_argument("--slide-mpp", default="")
    parser.add_argument("--default-slide-mpp", default="")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--threads", default="0")
    parser.add_argument("--cache-dir", default="")
    parser.add_argument("--stop-on-failure", action="store_true")
    parser.add_argument("--weights", default="random:1")
    parser.add_argument("--arch", default="resnet34")
    parser.add_argument("--mpp", default="2.0")
    parser.add_argument("--patch", default="224")
    parser.add_argument("--model", default="")
    parser.add_argument("--extract-status", default="")
    parser.add_argument("--map", default="gradcam")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    return extract(args) if args.stage == "extract" else analyze(args)


if __name__ == "__main__":
    sys.exit(main())
