#!/usr/bin/env python3
"""The cohort report: report.csv (one line per slide) and report.html (a thumbnail and a map
per slide, the ROC curve, the figures and every failure with its reason).

    report.py --csv report.csv --html report.html --task classification|regression
              [--evaluation evaluation.json] [--training train.json] [--manifest cohort.csv] STATUS.json...

Per-slide scores are the ones `slidesight-cli evaluate` computed (evaluation.json), so the
AUC of the report is evaluate's; the ROC curve is drawn from the same scores, and its area is
checked against evaluate's AUC. Paths in the HTML are relative to it, so the output folder can
be moved or served as a whole. Both files are written through temporary files.
"""

import argparse
import csv
import datetime
import html
import io
import json
import os

from cohortfiles import write_text_atomically

COLUMNS = ["id", "slide", "label", "fold", "status", "stage", "error", "score", "predicted", "probability",
           "trained", "extractor", "rows", "columns", "tissue_fraction", "slide_mpp", "slide_mpp_assumed",
           "from_cache", "extraction_seconds", "result", "map"]


def load(path):
    with open(path) as f:
        return json.load(f)


def roc_points(targets, scores):
    """The ROC curve's corners (false positive rate, true positive rate), ties taken together."""
    positives = sum(1 for t in targets if t >= 0.5)
    negatives = len(targets) - positives
    if positives == 0 or negatives == 0:
        return []
    pairs = sorted(zip(scores, targets), key=lambda p: -p[0])
    points, tp, fp, i = [(0.0, 0.0)], 0, 0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            if pairs[j][1] >= 0.5:
                tp += 1
            else:
                fp += 1
            j += 1
        points.append((fp / negatives, tp / positives))
        i = j
    return points


def area(points):
    return sum((x1 - x0) * (y0 + y1) / 2 for (x0, y0), (x1, y1) in zip(points, points[1:]))


def roc_svg(points, auc):
    size, margin = 320, 40
    def x(v): return margin + v * size
    def y(v): return margin + (1 - v) * size
    path = " ".join("%s%.1f,%.1f" % ("M" if k == 0 else "L", x(fx), y(ty)) for k, (fx, ty) in enumerate(points))
    ticks = "".join('<text x="%.1f" y="%d" text-anchor="middle">%.1f</text><text x="%d" y="%.1f" '
                    'text-anchor="end">%.1f</text>' % (x(t), margin + size + 16, t, margin - 6, y(t) + 4, t)
                    for t in (0, 0.5, 1))
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" role="img" aria-label="ROC curve">'
            '<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#888"/>'
            '<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#bbb" stroke-dasharray="4 4"/>'
            '<path d="%s" fill="none" stroke="#1565c0" stroke-width="2"/>%s'
            '<text x="%d" y="%d" text-anchor="middle">false positive rate</text>'
            '<text x="12" y="%d" text-anchor="middle" transform="rotate(-90 12 %d)">true positive rate</text>'
            '<text x="%d" y="%d" text-anchor="end">AUC %.4f</text></svg>'
            % (size + 2 * margin, size + 2 * margin + 12, margin, margin, size, size, x(0), y(0), x(1), y(1), path,
               ticks, margin + size // 2, margin + size + 34, margin + size // 2, margin + size // 2,
               margin + size - 8, margin + size - 10, auc))


def slide_row(record, scores_by_grid):
    extract = record.get("extract") or {}
    analyze = record.get("analyze") or {}
    probabilities = analyze.get("probabilities") or []
    row = {
        "id": record.get("id"), "slide": record.get("slide"), "label": record.get("label"),
        "fold": record.get("fold") or "", "status": record.get("status"), "stage": record.get("stage"),
        "error": record.get("error") or "",
        "score": scores_by_grid.get(record.get("grid"), ""),
        "predicted": analyze.get("predicted") if analyze.get("predicted") is not None else "",
        "probability": max(probabilities) if probabilities else "",
        "trained": analyze.get("label", ""), "extractor": extract.get("extractor", ""),
        "rows": extract.get("rows", ""), "columns": extract.get("columns", ""),
        "tissue_fraction": extract.get("tissue_fraction", ""), "slide_mpp": extract.get("slide_mpp", ""),
        "slide_mpp_assumed": extract.get("slide_mpp_assumed", ""), "from_cache": analyze.get("from_cache", ""),
        "extraction_seconds": extract.get("extraction_seconds", ""), "result": record.get("result") or "",
        "map": record.get("map_shown") or "",
    }
    return row


def picture(path, folder, caption):
    if not path or not os.path.exists(path):
        return "<td class=pic>-</td>"
    return ('<td class=pic><img src="%s" alt="%s" loading="lazy"></td>'
            % (html.escape(os.path.relpath(path, folder)), html.escape(caption)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", required=True)
    parser.add_argument("--html", required=True)
    parser.add_argument("--task", default="classification")
    parser.add_argument("--evaluation", default="")
    parser.add_argument("--training", default="")
    parser.add_argument("--manifest", default="")
    parser.add_argument("status", nargs="+")
    args = parser.parse_args()

    records = [load(p) for p in args.status]
    evaluation = load(args.evaluation) if args.evaluation else None
    training = load(args.training) if args.training else None
    scores_by_grid = {}
    if evaluation and "items" in evaluation:
        scores_by_grid = {item["path"]: item["score"] for item in evaluation["items"]}
    rows = [slide_row(r, scores_by_grid) for r in records]

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_text_atomically(args.csv, out.getvalue())

    folder = os.path.dirname(os.path.abspath(args.html))
    ok = [r for r in records if r.get("status") == "ok"]
    failed = [r for r in records if r.get("status") != "ok"]
    parts = ["<!DOCTYPE html><html><head><meta charset=utf-8><title>SlideSight cohort report</title><style>"
             "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}"
             "td.pic img{max-width:260px;max-height:260px}.warn{color:#b71c1c;font-weight:bold}"
             ".failed{background:#fff3f3}</style></head><body>",
             "<h1>SlideSight cohort report</h1>",
             "<p>%s &middot; %d slides: %d processed, %d failed%s.</p>"
             % (html.escape(datetime.datetime.now().strftime("%Y-%m-%d %H:%M")), len(records), len(ok), len(failed),
                (" &middot; manifest " + html.escape(args.manifest)) if args.manifest else "")]
    extractors = sorted({(r.get("extract") or {}).get("label", "") for r in ok})
    if "untrained" in extractors:
        parts.append("<p class=warn>The features come from an untrained (random) extractor.</p>")
    if evaluation is not None:
        if "error" in evaluation:
            parts.append("<p class=warn>Not evaluated: %s</p>" % html.escape(evaluation["error"]))
        else:
            if not evaluation.get("trained", False):
                parts.append("<p class=warn>UNTRAINED: the bundle has random weights; its predictions, maps and "
                             "figures mean nothing.</p>")
            value = evaluation.get("value")
            parts.append("<h2>%s on %d slides: %s</h2>" % (html.escape(evaluation["metric"].upper()),
                                                             evaluation["slides"],
                                                             "%.4f" % value if value is not None else "undefined"))
            if training is not None:
                parts.append("<p>These slides trained the bundle, so this figure is optimistic; its cross-validation "
                             "%s (held-out folds): %.4f &plusmn; %.4f over %d runs.</p>"
                             % (html.escape(training.get("metric", "")), training.get("mean", float("nan")),
                                training.get("std", float("nan")), len(training.get("runs", []))))
            if args.task == "classification":
                items = evaluation.get("items", [])
                points = roc_points([i["target"] for i in items], [i["score"] for i in items])
                if points:
                    roc_area = area(points)
                    if value is not None and abs(roc_area - value) > 1e-9:
                        parts.append("<p class=warn>The ROC curve's area (%.6f) differs from evaluate's AUC.</p>"
                                     % roc_area)
                    parts.append(roc_svg(points, roc_area))
    parts.append("<h2>Slides</h2><table><tr><th>slide</th><th>label</th><th>fold</th><th>result</th>"
                 "<th>slide</th><th>map</th></tr>")
    by_id = {r.get("id"): r for r in records}
    for row in rows:
        record = by_id[row["id"]]
        if row["status"] == "ok":
            what = []
            if row["score"] != "":
                what.append("score %.4f" % row["score"])
            if row["predicted"] != "":
                what.append("predicted %s (p = %.3f)" % (html.escape(str(row["predicted"])), row["probability"]))
            what.append("grid %s &times; %s, tissue %.0f%%" % (row["rows"], row["columns"],
                                                              100 * float(row["tissue_fraction"] or 0)))
            if row["slide_mpp_assumed"] is True:
                what.append("µm/px %s assumed" % row["slide_mpp"])
            result = "<br>".join(what)
        else:
            result = "<span class=warn>failed (%s)</span>: %s" % (html.escape(str(row["stage"])),
                                                                   html.escape(row["error"]))
        parts.append("<tr%s><td>%s<br><small>%s</small></td><td>%s</td><td>%s</td><td>%s</td>%s%s</tr>"
                     % ("" if row["status"] == "ok" else " class=failed", html.escape(row["id"]),
                        html.escape(row["slide"]), html.escape(str(row["label"])), html.escape(str(row["fold"])),
                        result, picture(record.get("thumbnail"), folder, "slide " + row["id"]),
                        picture(record.get("map_picture"), folder, "%s over slide %s" % (row["map"], row["id"]))))
    parts.append("</table><p><small>Table as CSV: %s</small></p></body></html>\n"
                 % html.escape(os.path.relpath(os.path.abspath(args.csv), folder)))
    write_text_atomically(args.html, "".join(parts))


if __name__ == "__main__":
    main()
