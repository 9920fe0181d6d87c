// Fuzz target: a column map (--map FILE, ingest/map_file.h).
#include <cstdint>
#include <string>

#include "ingest/map_file.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace yousaid;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string file = "columns.map";
    const MapFileParse parse = parse_map_file(text, file);
    fuzz::require_located(parse.errors, file);
    for (const ColumnRef& c : parse.map.text) fuzz::require(c.where.line >= 1, "a mapped column knows its line");
    return 0;
}
