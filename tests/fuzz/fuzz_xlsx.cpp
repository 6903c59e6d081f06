// libFuzzer target: an .xlsx workbook (zip, XML, shared strings, styles), as enroll --from
// reads one.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return liushou::fuzz::fuzz_xlsx(data, size);
}
