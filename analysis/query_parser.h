#pragma once
// The query side of the schema: one QueryParser set up the way documents are
// indexed (same stemmer, same prefixes), used by search and by codebook rules.
#include <stdexcept>
#include <string>

#include <xapian.h>

namespace yousaid {

// A query that cannot be parsed, with Xapian's reason.
struct QueryError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class ResponseQueryParser {
public:
    // `db` is used to expand wildcards.
    explicit ResponseQueryParser(const Xapian::Database& db);

    // Words are stemmed English; `"phrases"`, NEAR, ADJ, AND, OR, NOT, `word*`
    // and parentheses work; `theme:`, `group:`, `event:`, `channel:`,
    // `question:`, `polarity:` (positive, mixed or negative) and `batch:`
    // filter (values are matched as slugs, so `event:"Congleton stakeholder
    // panel"` works); `-` or NOT before a filter excludes what it matches.
    // An empty query matches all.
    // Synonyms stored in the database (a codebook's `synonyms:` lists, written
    // by tag_responses) expand words and runs of words outside phrases, NEAR
    // and ADJ; `~word` asks for a word's synonyms explicitly.
    // Filters written at the top level apply to the whole query
    // (analysis/query_filters.h), so "a OR b channel:x" means "(a OR b) within x".
    Xapian::Query parse(const std::string& text) const;

    // The boolean term query of one filter, e.g. ("event", "Congleton panel").
    static Xapian::Query filter_query(const std::string& field, const std::string& value);

private:
    mutable Xapian::QueryParser parser_;
};

}  // namespace yousaid
