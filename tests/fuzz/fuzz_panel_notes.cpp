// Fuzz target: stakeholder-panel notes (ingest/panel_notes_reader.h).
#include <cstdint>
#include <string>

#include "ingest/panel_notes_reader.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace yousaid;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string file = "panel.txt";
    const ReadResult read = read_panel_notes(text, file);
    for (const RejectedRecord& r : read.rejected) fuzz::require_located(r.diagnostic, file);
    for (const RawResponse& r : read.responses) {
        fuzz::require(!r.text.empty(), "a point has text");
        fuzz::require(r.where.line >= 1 && r.where.column >= 1, "a point knows where it starts");
    }
    return 0;
}
