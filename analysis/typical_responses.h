#pragma once
// The responses most typical of a set of responses (those a query matches,
// such as a theme's, theme_query): the ones closest to the set's centre. The centre is
// the set's telling words, found by Xapian's relevance feedback (an ESet) over
// an even sample of the set: stemmed words the set holds far more often than
// the store does. A response's closeness is the summed weight of the telling
// words it holds over the square root of how many distinct words it holds (a
// cosine), so a long response does not win by length alone. The cost is fixed
// by the sample, however large the set.
#include <string>
#include <vector>

#include <xapian.h>

namespace yousaid {

struct ScoredResponse {
    Xapian::docid docid = 0;
    double closeness = 0;
};

struct TypicalResponses {
    std::vector<std::string> centre;       // the telling words, stemmed, strongest first
    std::vector<ScoredResponse> responses;  // closest first; ties in docid order
};

// At most `count` responses from a sample of those `set` matches; none when it
// matches none. Deterministic: the same store gives the same answer.
TypicalResponses typical_responses(const Xapian::Database& db, const Xapian::Query& set, std::size_t count);

}  // namespace yousaid
