#pragma once
// Every document a query matches, in docid order, found by walking the posting
// lists of its terms: what search's count needs (every match, no weights)
// without Xapian's matcher, which takes three to four times as long as the
// posting lists themselves (on a million documents, 19 ms against 5.7 ms for
// a term in 400,000 of them). Only for queries built from terms, all
// documents and nothing, with AND, OR, AND_NOT, FILTER, SYNONYM, MAX,
// AND_MAYBE (its left side) and SCALE_WEIGHT; anything else (phrases, NEAR,
// wildcards, value ranges) is left to Xapian. for_each_match is the one way
// the project asks for every match: search's counts, and the codebook's rules
// over the store and over each chunk ingest tags.
#include <functional>
#include <optional>
#include <vector>

#include <xapian.h>

namespace yousaid {

// The matches of `query` in `db` (one database), ascending; nullopt when the
// query holds anything this does not match itself.
std::optional<std::vector<Xapian::docid>> boolean_matches(const Xapian::Database& db, const Xapian::Query& query);

// Calls `each` with every document `query` matches (none for an empty query),
// in docid order: from boolean_matches when it can, else from Xapian's
// matcher without weights.
void for_each_match(const Xapian::Database& db, const Xapian::Query& query,
                    const std::function<void(Xapian::docid)>& each);

}  // namespace yousaid
