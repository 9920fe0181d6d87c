// Fuzz target: an XLSX workbook (a zip of XML parts, ingest/xlsx_reader.h),
// read as ingest reads it.
#include <cstdint>
#include <string>

#include "ingest/input_file.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace yousaid;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const std::string file = "responses.xlsx";
    fuzz::require_sound(read_input(file, bytes, {}), file);
    return 0;
}
