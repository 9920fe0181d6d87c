#pragma once
// What of a document a set of queries can see: the terms they name and the
// terms their wildcards can expand to. Ingest tags each chunk of responses by
// running the codebook's rules over the chunk's documents in an in-memory
// database; indexing there only the terms the rules can match (with their
// positions, for phrases and NEAR) and every value gives the same matches for a
// fraction of the work, as a response has some eighty terms and a rule a few.
#include <string>
#include <vector>

#include <xapian.h>

namespace yousaid {

class RuleTerms {
public:
    explicit RuleTerms(const std::vector<Xapian::Query>& queries);

    // `doc` with only the terms the queries can match, with their positions
    // and wdf, and all its values. When a query holds something whose terms
    // cannot be told (a wildcard this version of Xapian describes differently),
    // `doc` whole.
    Xapian::Document visible_part(const Xapian::Document& doc) const;

    bool keeps_everything() const { return everything_; }
    bool visible(const std::string& term) const;

private:
    void gather(const Xapian::Query& query);

    std::vector<std::string> terms_;     // sorted, unique
    std::vector<std::string> prefixes_;  // of wildcards
    bool everything_ = false;
};

}  // namespace yousaid
