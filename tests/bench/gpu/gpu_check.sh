#!/usr/bin/env bash
# The CUDA path on a GPU machine, in one run: build the model library and slidesight-cli
# against the LibTorch inside that machine's Python torch, then `doctor`, `bench features` on a
# large synthetic slide, and an extraction on CUDA checked against the CPU's (cosine similarity
# of every cell's features, half precision on the GPU). Figures and logs go to $OUT (default
# gpu-results/).
#
# The GPU machine has Python torch with CUDA but no Debian packages and no network, so the
# packages the build needs are downloaded here first and carried:
#
#   bash tests/bench/gpu/gpu_check.sh fetch          # here: .deb files into gpu-debs/ (git-ignored)
#   bash tests/bench/gpu/gpu_check.sh run            # there: unpack, build, measure
#
# `run` unpacks every .deb of gpu-debs/ with dpkg -x into .gpu-prefix/ and points CMake,
# pkg-config and the loader at it. Build tools (a C++17 compiler) must be on the GPU machine;
# cmake and ninja come from the carried packages when missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
DEBS="$ROOT/gpu-debs"
PREFIX="$ROOT/.gpu-prefix"
BUILD="$ROOT/build-gpu"
OUT="${OUT:-$ROOT/gpu-results}"

# What the project's CMake configuration finds (Qt 6 with Widgets, Test and Linguist tools,
# OpenSlide, libtiff, libjpeg, OpenCV's core and imgproc, nlohmann-json, libzip), without
# LibTorch (the Python torch's is used) and without what every machine has (libc, libstdc++).
PACKAGES=(
    cmake cmake-data ninja-build pkgconf
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6test6 libqt6concurrent6 libqt6dbus6
    libqt6opengl6 libqt6openglwidgets6 libqt6sql6 libqt6xml6 libqt6printsupport6 libqt6svg6
    libicu72 libdouble-conversion3 libb2-1 libpcre2-16-0 libmd4c0 libproxy1v5 libxkbcommon0
    libgl-dev libglx-dev libgl1 libglx0 libglvnd0 libopengl0 libegl1 libegl-dev libvulkan-dev
    libopenslide-dev libopenslide0 libtiff-dev libtiff6 libjpeg-dev libjpeg62-turbo-dev libjpeg62-turbo
    libopenjp2-7 libpng16-16 libpng-dev zlib1g-dev libwebp7 libdeflate0 libjbig0 liblerc4 libzstd1
    libcairo2 libgdk-pixbuf-2.0-0 libglib2.0-0 libxml2 libsqlite3-0 libpixman-1-0
    libopencv-dev libopencv-core-dev libopencv-core406 libopencv-imgproc-dev libopencv-imgproc406
    libtbb12 libopenblas0-pthread liblapack3 libblas3 libgfortran5
    nlohmann-json3-dev libzip-dev libzip4 libbz2-dev liblzma-dev libssl-dev
)

fetch() {
    mkdir -p "$DEBS"
    cd "$DEBS"
    apt-get download "${PACKAGES[@]}"
    du -sh "$DEBS"
}

unpack() {
    rm -rf "$PREFIX"
    mkdir -p "$PREFIX"
    for deb in "$DEBS"/*.deb; do dpkg-deb -x "$deb" "$PREFIX" 2>/dev/null || dpkg -x "$deb" "$PREFIX"; done
    export PATH="$PREFIX/usr/bin:$PREFIX/usr/lib/qt6/bin:$PATH"
    export LD_LIBRARY_PATH="$PREFIX/usr/lib/x86_64-linux-gnu:$PREFIX/usr/lib:${LD_LIBRARY_PATH:-}"
    export PKG_CONFIG_PATH="$PREFIX/usr/lib/x86_64-linux-gnu/pkgconfig:$PREFIX/usr/share/pkgconfig"
    export PKG_CONFIG_SYSROOT_DIR=""
    export CMAKE_PREFIX_PATH="$PREFIX/usr:$PREFIX/usr/lib/x86_64-linux-gnu/cmake"
    export CMAKE_ROOT="$PREFIX/usr/share/cmake-3.25"
    export QT_QPA_PLATFORM=offscreen
}

run() {
    mkdir -p "$OUT"
    unpack
    local torch_dir
    torch_dir="$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')/Torch"
    {
        nvidia-smi || true
        python3 -c 'import torch; print("python torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.get_device_name(0))'
    } > "$OUT/machine.txt" 2>&1
    # Pkg-config files carry absolute /usr paths: rewrite them into the prefix.
    sed -i "s|^prefix=/usr|prefix=$PREFIX/usr|" "$PREFIX"/usr/lib/x86_64-linux-gnu/pkgconfig/*.pc
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSLIDESIGHT_BUILD_TESTS=OFF \
        -DTorch_DIR="$torch_dir" -DCMAKE_CXX_FLAGS="-D_GLIBCXX_USE_CXX11_ABI=$(python3 -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')" \
        > "$OUT/configure.log" 2>&1
    ninja -C "$BUILD" -j "$(nproc)" slidesight-cli > "$OUT/build.log" 2>&1
    local cli="$BUILD/app/cli/slidesight-cli"

    "$cli" doctor --json > "$OUT/doctor.json" 2> "$OUT/doctor.err" || true

    # A large synthetic slide (tissue-like colour blocks, JPEG pyramid, 0.25 µm/px): 64000² at
    # 2 µm/px is a 35 x 35 grid of 224 px patches, repeated to 20,000 patches a round.
    "$cli" synth "$OUT/large.tiff" --size 64000 > /dev/null
    "$cli" bench features "$OUT/large.tiff" --device cuda --patches 20000 --rounds 2 --json \
        > "$OUT/bench-features-cuda.json" 2> "$OUT/bench-features-cuda.err" || true
    "$cli" bench tiles "$OUT/large.tiff" --json > "$OUT/bench-tiles.json" 2> "$OUT/bench-tiles.err" || true

    # The same grid on the CPU (float32) and on CUDA (float16): every cell's features compared.
    "$cli" synth "$OUT/check.tiff" --size 12000 > /dev/null
    "$cli" extract "$OUT/check.tiff" --weights random:1 --device cpu --no-cache --out "$OUT/grid-cpu.pt" --json \
        > "$OUT/extract-cpu.json" 2>&1
    "$cli" extract "$OUT/check.tiff" --weights random:1 --device cuda --no-cache --out "$OUT/grid-cuda.pt" --json \
        > "$OUT/extract-cuda.json" 2>&1
    python3 - "$OUT/grid-cpu.pt" "$OUT/grid-cuda.pt" > "$OUT/cosine.txt" <<'PY'
import sys, torch
a = torch.load(sys.argv[1])["features"].double()
b = torch.load(sys.argv[2])["features"].double()
k = a.shape[0]
a, b = a.reshape(k, -1), b.reshape(k, -1)
keep = (a.norm(dim=0) > 0) & (b.norm(dim=0) > 0)
cos = torch.nn.functional.cosine_similarity(a[:, keep], b[:, keep], dim=0)
print("cells", int(keep.sum()), "min cosine", float(cos.min()), "mean", float(cos.mean()),
      "cells below 0.999", int((cos < 0.999).sum()))
PY
    cat "$OUT/cosine.txt"
    python3 - "$OUT/bench-features-cuda.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("end to end %.0f patches/s, network only %.0f, ratio %.3f, batch %s" %
      (r["patches_per_s"], r["network_patches_per_s"], r["ratio"], r.get("batch")))
PY
}

case "${1:-}" in
    fetch) fetch ;;
    run) run ;;
    *) echo "usage: $0 fetch|run" >&2; exit 2 ;;
esac
