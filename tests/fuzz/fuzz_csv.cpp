// Fuzz target: a delimited-text export as ingest reads it (encoding found from
// the bytes, delimiter sniffed, header mapped to roles, RFC 4180 records).
#include <cstdint>
#include <string>

#include "ingest/input_file.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace yousaid;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const std::string file = "responses.csv";
    fuzz::require_sound(read_input(file, bytes, {}), file);
    return 0;
}
