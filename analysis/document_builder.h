#pragma once
// A Response as a Xapian document: free text from the redacted text only (so
// personal data is never searchable), boolean filter terms, value slots, and the
// record as JSON data; what models said is in value slots alone (model_tags.h). The query side (query_parser.h) mirrors these choices.
#include <mutex>

#include <xapian.h>

#include "analysis/facet_codes.h"
#include "analysis/model_tags.h"
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
    // tags (themes, groups, polarity): changes just those terms, slots and the
    // data, so re-tagging never re-indexes the text and Xapian writes only what
    // changed. What models said changes slots alone (model_tags.h). `before` is
    // as stored_response() reads it; `stored_record`, when given, is the record
    // the document's data holds (else record_of(before)), which may hold model
    // tags and their terms when written before they moved to slots.
    void retag(Xapian::Document& doc, const Response& before, const Response& after,
               const Response* stored_record = nullptr);

    // The stemmer used for indexing, search, rules and snippets alike.
    static Xapian::Stem stemmer();

private:
    Xapian::TermGenerator term_generator_;
    FacetCodeWriter facets_;
    ModelThemeSlots model_slots_;
};

// The id term of a response: "Q" + id.
std::string id_term(const std::string& response_id);

}  // namespace yousaid
