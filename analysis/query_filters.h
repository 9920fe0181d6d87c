#pragma once
// The structure of a search query, read before Xapian's QueryParser sees it.
//
// Filters: the QueryParser ties a boolean filter to the words next to it
// ("lonely OR isolated channel:telephone" filters only "isolated"), which is
// not what an analyst means: here every filter written at the top level of the
// query, outside parentheses and quotes, applies to the whole query, and so
// does a top-level filter negated with '-' or NOT (which excludes its
// responses; Xapian would drop the '-' of a lone filter). Filters inside
// parentheses are left to the QueryParser.
//
// Problems: the QueryParser closes a quote or a bracket left open where it
// guesses, and says only "Syntax: <expression> OR <expression>" for an
// operator missing a side; here each is found and named with its column.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace yousaid {

// One piece of a query; a query's pieces, joined, give it back.
struct QueryPiece {
    enum class Kind { filter, phrase, open, close, word, space };
    Kind kind;
    std::string text;    // as written
    std::size_t at = 0;  // byte offset in the query
    std::string field;   // filters only
    std::string value;   // filters only, quotes removed
};

// `is_field(name)` says whether `name:value` is a filter; else it is a word.
// A '-' joined to what follows is a word of its own ("-channel:x" is "-" then
// a filter); a phrase runs from a quote to the next quote or the end.
std::vector<QueryPiece> scan_query(const std::string& query, const std::function<bool(const std::string&)>& is_field);

struct SplitQuery {
    std::string words;  // the query without its top-level filters
    std::vector<std::pair<std::string, std::string>> filters;  // (field, value) in order, quotes removed
    std::vector<std::pair<std::string, std::string>> excluded;  // negated filters, likewise
};

// `fields` are the filter names ("theme", "channel", ...).
SplitQuery split_query_filters(const std::string& query, const std::vector<std::string>& fields);

// What is wrong with a query's structure, in a message naming the column
// (from 1, in characters) that `column` holds.
struct QueryProblem {
    std::size_t column = 0;
    std::string message;  // e.g. "the quote at column 5 is never closed"
};

// The first quote or '(' never closed, or ')' closing nothing; nullopt when none.
std::optional<QueryProblem> find_unbalanced(const std::string& query, const std::vector<std::string>& fields);

// Where the operator `op` that Xapian's parser refused ("AND", "OR", "NOT",
// "XOR" or "AND NOT") has nothing on one side, counting a top-level filter as
// nothing (it applies to the whole query); nullopt when no such place is found.
std::optional<QueryProblem> find_operator_without_operand(const std::string& query, const std::string& op,
                                                          const std::vector<std::string>& fields);

// The column (from 1, in characters) of byte `at` of UTF-8 `text`.
std::size_t column_at(const std::string& text, std::size_t at);

}  // namespace yousaid
