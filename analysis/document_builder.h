#pragma once
// A Response as a Xapian document: free text from the redacted text only (so
// personal data is never searchable), boolean filter terms, value slots, and the
// record as JSON data. The query side (query_parser.h) mirrors these choices.
#include <mutex>

#include <xapian.h>

#include "analysis/facet_codes.h"
#include "ingest/response.h"

namespace yousaid {

// Builds documents for one writable store (which numbers their facets, see
// facet_codes.h), within one transaction. One thread builds; when another
// writes to `db` meanwhile, both hold `db_lock` for every call on it.
class DocumentBuilder {
public:
    explicit DocumentBuilder(Xapian::WritableDatabase& db, std::mutex* db_lock = nullptr);
    Xapian::Document build(const Response& response);

    // Brings `doc`, built from `before`, up to `after` where they differ only in
    // tags (themes, groups, polarity) and the record: changes just those terms,
    // slots and the data, so re-tagging never re-indexes the text and Xapian
    // writes only what changed.
    void retag(Xapian::Document& doc, const Response& before, const Response& after);

    // The stemmer used for indexing, search, rules and snippets alike.
    static Xapian::Stem stemmer();

private:
    Xapian::TermGenerator term_generator_;
    FacetCodeWriter facets_;
};

// The id term of a response: "Q" + id.
std::string id_term(const std::string& response_id);

}  // namespace yousaid
