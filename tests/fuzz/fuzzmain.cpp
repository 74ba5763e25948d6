// libFuzzer's entry point for one target, chosen at compile time (SLIDESIGHT_FUZZ_TARGET is
// the function's name in fuzztargets.h): each fuzz_<name> executable is this file and the
// targets, built with -fsanitize=fuzzer,address,undefined by `bash .ci/bootstrap fuzz`.

#include "fuzztargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    slidesight::fuzz::SLIDESIGHT_FUZZ_TARGET(data, size);
    return 0;
}
