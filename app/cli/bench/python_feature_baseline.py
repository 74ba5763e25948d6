"""Python baseline for `slidesight-cli bench features --python`: the same grid-based feature
extraction written the way a Python user would, with openslide-python, Pillow, NumPy and
torchvision, serially (read a batch, then run it), with torch's default thread settings.

usage: python_feature_baseline.py SPEC.json

SPEC.json (written by the benchmark) describes the very grid the C++ pipeline ran:
  slide, level, patch, batch, passes, rounds, background [r, g, b],
  content [x, y, w, h], origin [x, y], cell [w, h] (level-0 pixels),
  cells [[row, column], ...] (one pass), arch ("resnet34" or "resnet18"), threads (0: default)

Prints one JSON object: patches, seconds, patches_per_s, torch_threads, torch_version.
As in C++, one random batch warms the network up first and is not timed.
"""
import json
import sys
import time

import numpy
import openslide
import torch
import torchvision
from PIL import Image

MEAN = numpy.array([0.485, 0.456, 0.406], dtype=numpy.float32)
STD = numpy.array([0.229, 0.224, 0.225], dtype=numpy.float32)


def read_patch(slide, spec, row, column):
    """Cell (row, column) as p x p RGB: the part inside the content rectangle read from the
    level and area-resampled (Pillow's BOX filter), the rest background (as model/patchreader)."""
    p = spec["patch"]
    cx, cy, cw, ch = spec["content"]
    cell_w, cell_h = spec["cell"]
    x = spec["origin"][0] + column * cell_w
    y = spec["origin"][1] + row * cell_h
    x0, x1 = max(x, cx), min(x + cell_w, cx + cw)
    y0, y1 = max(y, cy), min(y + cell_h, cy + ch)
    patch = Image.new("RGB", (p, p), tuple(spec["background"]))
    tx0, tx1 = round((x0 - x) * p / cell_w), min(p, round((x1 - x) * p / cell_w))
    ty0, ty1 = round((y0 - y) * p / cell_h), min(p, round((y1 - y) * p / cell_h))
    if tx1 <= tx0 or ty1 <= ty0:
        return patch
    ds = slide.level_downsamples[spec["level"]]
    lx0, lx1, ly0, ly1 = round(x0 / ds), round(x1 / ds), round(y0 / ds), round(y1 / ds)
    region = slide.read_region((round(lx0 * ds), round(ly0 * ds)), spec["level"],
                               (max(1, lx1 - lx0), max(1, ly1 - ly0))).convert("RGB")
    patch.paste(region.resize((tx1 - tx0, ty1 - ty0), Image.BOX), (tx0, ty0))
    return patch


def to_batch(patches):
    arrays = [(numpy.asarray(p, dtype=numpy.float32) / 255.0 - MEAN) / STD for p in patches]
    return torch.from_numpy(numpy.stack(arrays).transpose(0, 3, 1, 2).copy())


def main():
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    if spec.get("threads", 0) > 0:
        torch.set_num_threads(spec["threads"])
    model = getattr(torchvision.models, spec.get("arch", "resnet34"))(weights=None)
    model.fc = torch.nn.Identity()
    model.eval()
    slide = openslide.OpenSlide(spec["slide"])
    cells = [tuple(c) for c in spec["cells"]] * spec["passes"]
    batch = spec["batch"]
    with torch.no_grad():
        model(torch.randn(batch, 3, spec["patch"], spec["patch"]))  # warm-up, not timed
        patches = 0
        start = time.perf_counter()
        for _ in range(spec["rounds"]):
            for i in range(0, len(cells), batch):
                chunk = cells[i:i + batch]
                features = model(to_batch([read_patch(slide, spec, r, c) for r, c in chunk]))
                assert features.shape == (len(chunk), 512)
                patches += len(chunk)
        seconds = time.perf_counter() - start
    print(json.dumps({"patches": patches, "seconds": seconds, "patches_per_s": patches / seconds,
                      "torch_threads": torch.get_num_threads(), "torch_version": torch.__version__}))


if __name__ == "__main__":
    main()
