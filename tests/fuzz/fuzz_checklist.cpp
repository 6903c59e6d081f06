// libFuzzer target: a checklist returned filled in, as log-talk --from reads one (#46).
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return liushou::fuzz::fuzz_checklist(data, size);
}
