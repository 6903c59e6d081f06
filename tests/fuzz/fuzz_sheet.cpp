// libFuzzer target: a CSV sheet as Excel or a person might save it, in any encoding, through
// the header mapping and the import planner, as `enroll --from-csv` reads it.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return liushou::fuzz::fuzz_sheet(data, size);
}
