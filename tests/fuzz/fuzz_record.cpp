// libFuzzer target: a child's record file. Both decoders must survive any bytes, agree with
// each other whenever the fast one accepts the file, and a file read without errors must
// encode to text that reads back to the same record (the round trip a write relies on).
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return liushou::fuzz::fuzz_record(data, size);
}
