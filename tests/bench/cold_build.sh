#!/usr/bin/env bash
# Cold build time of everything the README's test command builds (the tests included), for two
# commits one after the other on this machine, each from a fresh clone into an empty build
# folder, configured as .ci/bootstrap configures (Ninja, RelWithDebInfo, tests on) but with
# ccache off, so that nothing is reused. Prints one JSON line per commit (wall seconds of the
# configure and of the build, the load average before each, the cores) and the ratio.
#
#   bash tests/bench/cold_build.sh [BEFORE [AFTER]]     defaults: 56bf8a5 (before the layout
#                                                       restructuring) and HEAD
#
# Takes about an hour on a 2-core machine; run it with nothing else running. Not part of CI.
# With COLD_BUILD_LOGS=DIR, each build's Ninja log (per-step times) is kept as DIR/<name>.ninja_log.
set -euo pipefail

before="${1:-56bf8a5}"
after="${2:-HEAD}"
repo="$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)"
work="$(mktemp -d "${TMPDIR:-/tmp}/slidesight-cold-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export CCACHE_DISABLE=1

now() { date +%s.%N; }
measure() {
    local name="$1" rev="$2"
    local commit
    commit="$(git -C "$repo" rev-parse --short "$rev")"
    git clone -q --no-checkout "$repo" "$work/$name"
    git -C "$work/$name" checkout -q "$commit"
    local load t0 t1 t2
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    t0="$(now)"
    cmake -S "$work/$name" -B "$work/$name/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
          -DSLIDESIGHT_BUILD_TESTS=ON >"$work/$name.configure.log" 2>&1
    t1="$(now)"
    cmake --build "$work/$name/build" --parallel "$(nproc)" >"$work/$name.build.log" 2>&1
    t2="$(now)"
    local steps
    steps="$(grep -c '^\[' "$work/$name.build.log" || true)"
    printf '{"build":"%s","commit":"%s","configure_s":%.1f,"build_s":%.1f,"steps":%s,"load_before":"%s","cores":%s}\n' \
        "$name" "$commit" "$(awk "BEGIN{print $t1 - $t0}")" "$(awk "BEGIN{print $t2 - $t1}")" "$steps" "$load" "$(nproc)"
    if [[ -n "${COLD_BUILD_LOGS:-}" ]]; then
        mkdir -p "$COLD_BUILD_LOGS"
        cp "$work/$name/build/.ninja_log" "$COLD_BUILD_LOGS/$name.ninja_log"
    fi
    rm -rf "$work/$name"
    awk "BEGIN{print $t2 - $t1}" >"$work/$name.seconds"
}

measure before "$before"
measure after "$after"
printf '{"after_over_before":%.3f}\n' "$(awk "BEGIN{print $(cat "$work/after.seconds") / $(cat "$work/before.seconds")}")"
