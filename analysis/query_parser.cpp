#include "analysis/query_parser.h"

#include <map>

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

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT;

}  // namespace

ResponseQueryParser::ResponseQueryParser(const Xapian::Database& db) {
    parser_.set_database(db);
    parser_.set_stemmer(DocumentBuilder::stemmer());
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.add_boolean_prefix("theme", (new SlugFilter(schema::kThemePrefix))->release());
    parser_.add_boolean_prefix("group", (new SlugFilter(schema::kGroupPrefix))->release());
    parser_.add_boolean_prefix("event", (new SlugFilter(schema::kEventPrefix))->release());
    parser_.add_boolean_prefix("channel", (new SlugFilter(schema::kChannelPrefix))->release());
    parser_.add_boolean_prefix("question", (new SlugFilter(schema::kQuestionPrefix))->release());
    parser_.add_boolean_prefix("batch", (new ExactFilter(schema::kBatchPrefix))->release());
}

Xapian::Query ResponseQueryParser::parse(const std::string& text) const {
    static const std::vector<std::string> kFields = {"theme", "group", "event", "channel", "question", "batch"};
    SplitQuery split = split_query_filters(text, kFields);
    Xapian::Query words = Xapian::Query::MatchAll;
    if (!trim(split.words).empty()) {
        try {
            words = parser_.parse_query(split.words, kFlags);
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
    static const std::map<std::string, const char*> prefixes = {
        {"theme", schema::kThemePrefix},   {"group", schema::kGroupPrefix},       {"event", schema::kEventPrefix},
        {"channel", schema::kChannelPrefix}, {"question", schema::kQuestionPrefix}};
    return Xapian::Query(prefixes.at(field) + slug(value));
}

}  // namespace yousaid
