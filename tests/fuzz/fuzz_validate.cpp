// libFuzzer target: the validators and date parsers on any text (ids, phones, GB 11643
// numbers, dates in the forms sheets use).
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return liushou::fuzz::fuzz_validate(data, size);
}
