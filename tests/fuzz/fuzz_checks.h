#pragma once
// What every fuzz target holds its parser to, beyond not crashing: each
// problem is reported at a real place in the file it names. A broken promise
// aborts, so libFuzzer keeps the input as a finding.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"
#include "ingest/input_file.h"

namespace yousaid::fuzz {

inline void require(bool holds, const char* promise) {
    if (!holds) {
        std::fprintf(stderr, "broken promise: %s\n", promise);
        std::abort();
    }
}

// A problem with the whole file (not a workbook, say) may have line and column 0
// when `whole_file` says so; any other has both, from 1.
inline void require_located(const Diagnostic& d, const std::string& file, bool whole_file = false) {
    require(d.where.file == file, "a problem names the file it is in");
    const bool unplaced = whole_file && d.where.line == 0 && d.where.column == 0;
    require(unplaced || (d.where.line >= 1 && d.where.column >= 1), "a problem has a line and a column, from 1");
    require(!d.message.empty(), "a problem says what is wrong");
    const std::string report = d.format();
    require(report.rfind(d.headline(), 0) == 0, "a problem's report starts with its headline");
    // The source line shown: four spaces, at most 100 characters and a "…" at each end.
    const std::size_t from = report.find('\n') + 1, to = report.find('\n', from);
    if (to != std::string::npos) {
        require(printable_characters(report.substr(from, to - from)).size() <= 4 + 100 + 2,
                "a problem shows at most 100 characters of its line");
    }
}

inline void require_located(const std::vector<Diagnostic>& all, const std::string& file, bool whole_file = false) {
    for (const Diagnostic& d : all) require_located(d, file, whole_file);
}

// A file as ingest reads it: refused whole, with its reasons, or read into
// responses (each with text and a place) and rejected records (each located).
inline void require_sound(const InputRead& input, const std::string& file) {
    require_located(input.errors, file, true);
    for (const RejectedRecord& r : input.read.rejected) require_located(r.diagnostic, file);
    for (const RawResponse& r : input.read.responses) {
        require(!r.text.empty(), "a response has text");
        require(r.where.line >= 1 && r.where.column >= 1, "a response knows where it starts");
    }
}

}  // namespace yousaid::fuzz
