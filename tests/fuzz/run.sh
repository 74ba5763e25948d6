#!/usr/bin/env bash
# Runs every fuzz target of a SLIDESIGHT_FUZZ build for SECONDS each, from a seed corpus of
# the real files in the test data, minimal files written here with Python's torch and zipfile,
# and the inputs under tests/fuzz/regressions. Called by `bash .ci/bootstrap fuzz [SECONDS]`.
#
#   bash tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
#
# Corpora grow in BUILD_DIR/fuzz/corpus/<target> (kept between runs); findings go to
# BUILD_DIR/fuzz/findings/<target>/ and make the exit status 1. A finding, once fixed, is
# copied into tests/fuzz/regressions/<target>/ so that the normal test suite replays it.
set -euo pipefail

build="$1"
seconds="$2"
shift 2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${SLIDESIGHT_TEST_DATA:-$here/../../../shared/data}"
targets=("$@")
# Debian's Python, which has Debian's torch (python3-torch), for the seed files.
python=/usr/bin/python3
[[ -x "$python" ]] || python=python3
[[ ${#targets[@]} -gt 0 ]] || targets=(asapxml geojson bundlemanifest bundlezip torchsave gridfile slide)

seed() {
    local name="$1" corpus="$build/fuzz/corpus/$1"
    mkdir -p "$corpus"
    cp -f "$here/regressions/$name/"* "$corpus/" 2>/dev/null || true
    case "$name" in
        asapxml) [[ -d "$data" ]] && find "$data/annotations" -name '*.xml' -exec cp -f {} "$corpus/" \; ;;
        geojson) [[ -d "$data" ]] && find "$data/annotations" -name '*.json' -exec cp -f {} "$corpus/" \; ;;
        slide)   [[ -d "$data" ]] && cp -f "$data/slides/cmu-1-small-region.svs" "$data/slides/negative/broken.svs" "$corpus/" ;;
        *)       "$python" - "$name" "$corpus" <<'PY'
import io, json, sys, zipfile
name, corpus = sys.argv[1], sys.argv[2]
manifest = {"format": 1, "name": "seed", "task": "classification", "classes": ["a", "b"],
            "extractor": {"architecture": "resnet34", "weights": "random:1", "mpp": 2.0, "patch_size": 224},
            "classifier": {"weights": "random:2", "attention": "max+min", "hidden": 4, "kernel": 3},
            "lran": {"network": "lran", "weights": "random:3", "classes": ["n", "t"], "mpp": 2.0, "patch_size": 256}}
if name == "bundlemanifest":
    open(f"{corpus}/seed-model.json", "w").write(json.dumps(manifest))
elif name == "bundlezip":
    with zipfile.ZipFile(f"{corpus}/seed-bundle.zip", "w") as z:
        z.writestr("seed/model.json", json.dumps(manifest))
        z.writestr("seed/notes.txt", "x")
else:
    import torch
    torch.save({"weight": torch.arange(6, dtype=torch.float32).reshape(2, 3), "bias": torch.zeros(2)},
               f"{corpus}/seed-dict.pt")
    torch.save({"features": torch.ones(2, 3, 4), "valid": torch.ones(2, 3, dtype=torch.bool),
                "metadata": json.dumps({"format": 1})}, f"{corpus}/seed-mixed.pt")
PY
        ;;
    esac
}

dictionary() {
    case "$1" in
        asapxml) echo "-dict=$here/dictionaries/xml.dict" ;;
        geojson|bundlemanifest) echo "-dict=$here/dictionaries/json.dict" ;;
        torchsave|gridfile|bundlezip) echo "-dict=$here/dictionaries/pickle.dict" ;;
    esac
}

status=0
for name in "${targets[@]}"; do
    executable="$build/tests/fuzz/fuzz_$name"
    [[ -x "$executable" ]] || { echo "[fuzz] $executable was not built" >&2; exit 2; }
    seed "$name"
    findings="$build/fuzz/findings/$name"
    mkdir -p "$findings"
    log="$build/fuzz/$name.log"
    # A slow input (over 10 s) is a finding, and so is memory past 2 GB or a leak.
    set +e
    # shellcheck disable=SC2046
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$here/lsan.supp" UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$executable" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=1048576 \
        -print_final_stats=1 -artifact_prefix="$findings/" $(dictionary "$name") \
        "$build/fuzz/corpus/$name" >"$log" 2>&1
    rc=$?
    set -e
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)"
    cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)"
    found="$(find "$findings" -type f | wc -l)"
    printf '{"target":"%s","seconds":%s,"runs":%s,"coverage":%s,"corpus":%s,"findings":%s,"exit":%s}\n' \
        "$name" "$seconds" "${runs:-0}" "${cov:-0}" "$(find "$build/fuzz/corpus/$name" -type f | wc -l)" "$found" "$rc"
    if [[ $rc -ne 0 || $found -ne 0 ]]; then
        status=1
        echo "[fuzz] $name: see $log and $findings" >&2
    fi
done
exit $status
