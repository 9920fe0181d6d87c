#include "analysis/query_parser.h"

#include "analysis/document_builder.h"
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
    if (trim(text).empty()) return Xapian::Query::MatchAll;
    try {
        return parser_.parse_query(text, kFlags);
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError(e.get_msg());
    }
}

}  // namespace yousaid
