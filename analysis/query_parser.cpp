#include "analysis/query_parser.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "analysis/document_builder.h"
#include "analysis/query_filters.h"
#include "analysis/schema.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

// A filter value as the index wrote it: "Congleton stakeholder panel" ->
// XEcongleton-stakeholder-panel.
class SlugFilter : public Xapian::FieldProcessor {
public:
    explicit SlugFilter(std::string prefix) : prefix_(std::move(prefix)) {}
    Xapian::Query operator()(const std::string& value) override { return Xapian::Query(prefix_ + slug(value)); }

private:
    std::string prefix_;
};

// Batch ids are hex digests: kept as written.
class ExactFilter : public Xapian::FieldProcessor {
public:
    explicit ExactFilter(std::string prefix) : prefix_(std::move(prefix)) {}
    Xapian::Query operator()(const std::string& value) override { return Xapian::Query(prefix_ + value); }

private:
    std::string prefix_;
};

// Every filter but batch: field name -> term prefix, values matched as slugs.
const std::map<std::string, const char*> kSlugFields = {
    {"theme", schema::kThemePrefix},       {"group", schema::kGroupPrefix},
    {"event", schema::kEventPrefix},       {"channel", schema::kChannelPrefix},
    {"question", schema::kQuestionPrefix}, {"polarity", schema::kPolarityPrefix}};

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_SYNONYM |
                            Xapian::QueryParser::FLAG_AUTO_SYNONYMS |
                            Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;

// Xapian 1.4 puts a multi-word synonym ("emergency department") into the query
// as one term holding a space, which no document has: it stands for the phrase
// of its words. Returns nullopt when `query` has no such term. Only operators
// the QueryParser builds around a synonym expansion are rebuilt.
std::optional<Xapian::Query> with_synonym_phrases(const Xapian::Query& query, bool in_synonym) {
    using Q = Xapian::Query;
    if (query.get_type() == Q::LEAF_TERM) {
        if (!in_synonym) return std::nullopt;
        const std::string term = *query.get_terms_begin();
        if (term.find(' ') == std::string::npos) return std::nullopt;
        std::vector<Q> words;
        for (std::size_t at = 0; at <= term.size();) {
            std::size_t end = std::min(term.find(' ', at), term.size());
            if (end > at) words.emplace_back(term.substr(at, end - at));
            at = end + 1;
        }
        return Q(Q::OP_PHRASE, words.begin(), words.end(), static_cast<Xapian::termcount>(words.size()));
    }
    static const std::vector<Q::op> rebuilt = {Q::OP_AND,       Q::OP_OR,     Q::OP_AND_NOT, Q::OP_XOR,
                                               Q::OP_AND_MAYBE, Q::OP_FILTER, Q::OP_SYNONYM, Q::OP_MAX};
    const Q::op op = query.get_type();
    if (std::find(rebuilt.begin(), rebuilt.end(), op) == rebuilt.end()) return std::nullopt;
    std::vector<Q> subqueries;
    bool changed = false;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        Q sub = query.get_subquery(i);
        std::optional<Q> replaced = with_synonym_phrases(sub, op == Q::OP_SYNONYM);
        changed = changed || replaced;
        subqueries.push_back(replaced ? *replaced : sub);
    }
    if (!changed) return std::nullopt;
    return Q(op, subqueries.begin(), subqueries.end());
}

}  // namespace

ResponseQueryParser::ResponseQueryParser(const Xapian::Database& db) {
    parser_.set_database(db);
    parser_.set_stemmer(DocumentBuilder::stemmer());
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    for (const auto& [field, prefix] : kSlugFields) parser_.add_boolean_prefix(field, (new SlugFilter(prefix))->release());
    parser_.add_boolean_prefix("batch", (new ExactFilter(schema::kBatchPrefix))->release());
}

Xapian::Query ResponseQueryParser::parse(const std::string& text) const {
    static const std::vector<std::string> kFields = [] {
        std::vector<std::string> fields{"batch"};
        for (const auto& [field, prefix] : kSlugFields) fields.push_back(field);
        return fields;
    }();
    SplitQuery split = split_query_filters(text, kFields);
    Xapian::Query words = Xapian::Query::MatchAll;
    if (!trim(split.words).empty()) {
        try {
            words = parser_.parse_query(split.words, kFlags);
            if (std::optional<Xapian::Query> phrased = with_synonym_phrases(words, false)) words = *phrased;
        } catch (const Xapian::QueryParserError& e) {
            throw QueryError(e.get_msg());
        }
    }
    Xapian::Query result = words;
    if (!split.filters.empty()) {
        // As Xapian does: values of one field are alternatives (OR), fields must all hold (AND).
        std::map<std::string, std::vector<Xapian::Query>> by_field;
        for (const auto& [field, value] : split.filters) by_field[field].push_back(filter_query(field, value));
        std::vector<Xapian::Query> fields;
        for (auto& [field, queries] : by_field) {
            fields.emplace_back(Xapian::Query::OP_OR, queries.begin(), queries.end());
        }
        Xapian::Query filter(Xapian::Query::OP_AND, fields.begin(), fields.end());
        result = Xapian::Query(Xapian::Query::OP_FILTER, result, filter);
    }
    if (!split.excluded.empty()) {
        std::vector<Xapian::Query> excluded;
        for (const auto& [field, value] : split.excluded) excluded.push_back(filter_query(field, value));
        result = Xapian::Query(Xapian::Query::OP_AND_NOT, result,
                               Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
    }
    return result;
}

Xapian::Query ResponseQueryParser::filter_query(const std::string& field, const std::string& value) {
    if (field == "batch") return Xapian::Query(schema::kBatchPrefix + value);
    return Xapian::Query(kSlugFields.at(field) + slug(value));
}

}  // namespace yousaid
