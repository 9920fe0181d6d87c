#pragma once
// Tags responses with the codebook's themes and groups. A theme's rule and a
// group's cue are Xapian queries run over the store; a group's attribute rule is
// checked on each response's attributes. Tags from other sources (manual codes,
// models) are kept as they are; only rule tags are recomputed.
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/codebook.h"

namespace yousaid {

inline constexpr double kCueConfidence = 0.6;  // a group inferred from the text alone

// A codebook whose queries have been parsed against a store.
struct CompiledCodebook {
    Codebook codebook;
    std::string text;                          // the codebook file as read, kept in the store
    std::vector<Xapian::Query> theme_queries;  // one per theme
    std::vector<Xapian::Query> cue_queries;    // one per group; empty query when no cue
};

struct CodebookLoad {
    std::optional<CompiledCodebook> compiled;
    std::vector<Diagnostic> errors;  // syntax errors, and rules Xapian cannot parse
};

// Reads, parses and compiles a codebook file. File errors become one diagnostic.
CodebookLoad load_codebook(const std::string& path, const Xapian::Database& db);
CodebookLoad compile_codebook(const std::string& text, const std::string& file_name,
                              const Xapian::Database& db);

struct TaggingSummary {
    int examined = 0;  // responses looked at
    int changed = 0;   // responses whose tags changed
};

// Tags the responses in `scope` (every response when nullopt). Does not commit:
// the caller's transaction or commit makes the tags visible.
TaggingSummary tag_responses(Xapian::WritableDatabase& db, const CompiledCodebook& codebook,
                             const std::optional<std::vector<Xapian::docid>>& scope);

// The codebook last used to tag the store, or nullopt when none has been.
std::optional<Codebook> stored_codebook(const Xapian::Database& db);

}  // namespace yousaid
