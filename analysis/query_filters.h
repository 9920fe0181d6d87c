#pragma once
// The filter part of a search query. Xapian's QueryParser ties a boolean filter
// to the words next to it ("lonely OR isolated channel:telephone" filters only
// "isolated"), which is not what an analyst means: here every filter written
// at the top level of the query, outside parentheses and quotes, applies to
// the whole query, and so does a top-level filter negated with '-' or NOT
// (which excludes its responses; Xapian would drop the '-' of a lone filter).
// Filters inside parentheses are left to the QueryParser.
#include <string>
#include <utility>
#include <vector>

namespace yousaid {

struct SplitQuery {
    std::string words;  // the query without its top-level filters
    std::vector<std::pair<std::string, std::string>> filters;  // (field, value) in order, quotes removed
    std::vector<std::pair<std::string, std::string>> excluded;  // negated filters, likewise
};

// `fields` are the filter names ("theme", "channel", ...).
SplitQuery split_query_filters(const std::string& query, const std::vector<std::string>& fields);

}  // namespace yousaid
