#pragma once
// The query side of the schema: one QueryParser set up the way documents are
// indexed (same stemmer, same prefixes), used by search and by codebook rules.
#include <cstddef>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

namespace yousaid {

// A query that cannot be parsed: what is wrong and, when known, where.
class QueryError : public std::runtime_error {
public:
    // `problem` is one line naming the column when it is known ("OR at column
    // 5 has nothing after it"); with a `column` (from 1, in characters of
    // `query`), what() adds the query and a caret under that column on lines
    // of their own.
    explicit QueryError(const std::string& problem, const std::string& query = "", std::size_t column = 0);

    const std::string& problem() const { return problem_; }
    std::size_t column() const { return column_; }  // 0 when not known

private:
    std::string problem_;
    std::size_t column_;
};

class ResponseQueryParser {
public:
    // `db` is used to expand wildcards and to find the attributes it stores;
    // `more_attributes` are names taken as attributes too (those of responses
    // not yet in the store).
    explicit ResponseQueryParser(const Xapian::Database& db, const std::vector<std::string>& more_attributes = {});

    // Words are stemmed English; `"phrases"`, NEAR, ADJ, AND, OR, NOT, `word*`
    // and parentheses work. Boolean filters (values matched as slugs, so
    // `event:"Congleton stakeholder panel"` works):
    //   theme:, group:, event:, channel:, question:, polarity: (positive,
    //   mixed or negative), batch: (an id as written);
    //   NAME:VALUE for any attribute NAME the store holds (`carer:yes`,
    //   `age_band:65-74`), and age: for age_band:;
    //   date:2014-06-21, date:2014-06, date:2014, and ranges of those
    //   date:FROM..TO, date:FROM.., date:..TO (inclusive, on kDateSlot).
    // Any other `word:value` is words, as in Xapian. `-` or NOT before a
    // filter excludes what it matches; values of one field are alternatives.
    // An empty query matches all.
    // Synonyms stored in the database (a codebook's `synonyms:` lists, written
    // by tag_responses) expand words and runs of words outside phrases, NEAR
    // and ADJ; `~word` asks for a word's synonyms explicitly.
    // Filters written at the top level apply to the whole query
    // (analysis/query_filters.h), so "a OR b channel:x" means "(a OR b) within x".
    // Throws QueryError naming the problem and its column for a quote or
    // bracket left open, an operator missing a side, or a malformed date.
    Xapian::Query parse(const std::string& text) const;

private:
    // The boolean query of one filter, e.g. ("event", "Congleton panel").
    Xapian::Query filter_query(const std::string& field, const std::string& value) const;

    mutable Xapian::QueryParser parser_;
    // A date: filter Xapian's parser found where parse()'s own scan did not (in
    // quotes, say) and could not read. The filter cannot throw: an exception
    // thrown through Xapian's parser leaks its state. So it leaves the problem
    // here, shared with copies of this parser, and parse() throws it.
    std::shared_ptr<std::string> date_problem_ = std::make_shared<std::string>();
    std::map<std::string, std::string> slug_prefixes_;  // field -> term prefix, for fields matched as slugs
    std::shared_ptr<const std::map<std::string, Xapian::valueno>> model_slots_;  // model_theme_slots(db)
    std::vector<std::string> fields_;                   // every filter name
};

}  // namespace yousaid
