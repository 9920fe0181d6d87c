#include "analysis/query_parser.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <vector>

#include "analysis/document_builder.h"
#include "analysis/model_tags.h"
#include "analysis/query_filters.h"
#include "analysis/schema.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

using ModelSlots = std::map<std::string, Xapian::valueno>;

// The responses a filter of `prefix` with the slug `key` matches: its term
// (XEcongleton-stakeholder-panel), and for themes and polarity what models said
// too (model_tags.h).
Xapian::Query slug_filter(const std::string& prefix, const std::string& key, const ModelSlots& model_slots) {
    if (prefix == schema::kThemePrefix) return theme_query(model_slots, key);
    if (prefix == schema::kPolarityPrefix) return polarity_query(key);
    return Xapian::Query(prefix + key);
}

// A filter value as the index wrote it: "Congleton stakeholder panel" ->
// congleton-stakeholder-panel.
class SlugFilter : public Xapian::FieldProcessor {
public:
    SlugFilter(std::string prefix, std::shared_ptr<const ModelSlots> model_slots)
        : prefix_(std::move(prefix)), model_slots_(std::move(model_slots)) {}
    Xapian::Query operator()(const std::string& value) override {
        return slug_filter(prefix_, slug(value), *model_slots_);
    }

private:
    std::string prefix_;
    std::shared_ptr<const ModelSlots> model_slots_;
};

// Batch ids are hex digests: kept as written.
class ExactFilter : public Xapian::FieldProcessor {
public:
    explicit ExactFilter(std::string prefix) : prefix_(std::move(prefix)) {}
    Xapian::Query operator()(const std::string& value) override { return Xapian::Query(prefix_ + value); }

private:
    std::string prefix_;
};

// Filters matched as slugs: field name -> term prefix.
const std::map<std::string, const char*> kSlugFields = {
    {"theme", schema::kThemePrefix},       {"group", schema::kGroupPrefix},
    {"event", schema::kEventPrefix},       {"channel", schema::kChannelPrefix},
    {"question", schema::kQuestionPrefix}, {"polarity", schema::kPolarityPrefix}};
constexpr const char* kBatchField = "batch";
constexpr const char* kDateField = "date";
// Short names of attributes, used when the store holds the attribute and no attribute of the short name.
const std::map<std::string, std::string> kAttributeAliases = {{"age", "age_band"}};

std::string attribute_prefix(const std::string& name) { return schema::kAttributePrefix + name + ":"; }

// The attribute names the store holds terms for (XA<name>:<value>), one skip each.
std::vector<std::string> stored_attributes(const Xapian::Database& db) {
    const std::string prefix = schema::kAttributePrefix;
    std::vector<std::string> names;
    for (Xapian::TermIterator it = db.allterms_begin(prefix); it != db.allterms_end(prefix);) {
        const std::string term = *it;
        const std::size_t colon = term.find(':', prefix.size());
        if (colon == std::string::npos) {
            ++it;
            continue;
        }
        names.push_back(term.substr(prefix.size(), colon - prefix.size()));
        it.skip_to(term.substr(0, colon) + static_cast<char>(':' + 1));  // past every <name>:<value>
    }
    return names;
}

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

// The days a date: filter covers, inclusive, as YYYYMMDD (the value kDateSlot holds).
struct DateBounds {
    std::string from, to;  // empty when the range is open at that end
    std::string problem;   // why the value is not a date, as a predicate; empty when it is one
};

constexpr const char* kDateForms =
    "expected YYYY-MM-DD, YYYY-MM or YYYY, or a range FROM..TO, FROM.. or ..TO of those";

std::string not_a_date(const std::string& reason = "") {
    return "is not a date" + (reason.empty() ? "" : " (" + reason + ")") + ": " + kDateForms;
}

// The first and last days of a period written YYYY, YYYY-MM or YYYY-MM-DD.
DateBounds period_bounds(const std::string& text) {
    static const std::regex form(R"((\d{4})(?:-(\d{2})(?:-(\d{2}))?)?)");
    std::smatch m;
    if (!std::regex_match(text, m, form)) return {"", "", not_a_date()};
    const int year = std::stoi(m[1]);
    const int month = m[2].matched ? std::stoi(m[2]) : 0;
    if (m[2].matched && (month < 1 || month > 12)) return {"", "", not_a_date("there is no month " + m[2].str())};
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    const int days = month == 0 ? 31 : kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    if (m[3].matched && (std::stoi(m[3]) < 1 || std::stoi(m[3]) > days)) {
        return {"", "", not_a_date(m[1].str() + "-" + m[2].str() + " has " + std::to_string(days) + " days")};
    }
    return {m[1].str() + (month ? m[2].str() : "01") + (m[3].matched ? m[3].str() : "01"),
            m[1].str() + (month ? m[2].str() : "12") + (m[3].matched ? m[3].str() : std::to_string(days)), ""};
}

DateBounds date_bounds(const std::string& value) {
    const std::size_t dots = value.find("..");
    if (dots == std::string::npos) return period_bounds(value);
    const std::string from = value.substr(0, dots), to = value.substr(dots + 2);
    if (from.empty() && to.empty()) return {"", "", not_a_date("a range needs at least one end")};
    DateBounds range;
    if (!from.empty()) {
        const DateBounds days = period_bounds(from);
        if (!days.problem.empty()) return days;
        range.from = days.from;
    }
    if (!to.empty()) {
        const DateBounds days = period_bounds(to);
        if (!days.problem.empty()) return days;
        range.to = days.to;
    }
    if (!range.from.empty() && !range.to.empty() && range.from > range.to) range.problem = "ends before it starts";
    return range;
}

// "date:2014-13 at column 5 is not a date (...)": `column` 0 when not known.
std::string date_problem(const std::string& filter, const DateBounds& bounds, std::size_t column) {
    return filter + (column ? " at column " + std::to_string(column) : "") + " " + bounds.problem;
}

// The range a good date filter stands for (date_bounds(value).problem empty).
Xapian::Query date_query(const DateBounds& days) {
    using Q = Xapian::Query;
    if (days.from.empty()) return Q(Q::OP_VALUE_LE, schema::kDateSlot, days.to);
    if (days.to.empty()) return Q(Q::OP_VALUE_GE, schema::kDateSlot, days.from);
    return Q(Q::OP_VALUE_RANGE, schema::kDateSlot, days.from, days.to);
}

// A date: filter inside a query Xapian parses. A date it cannot read matches
// nothing and leaves its problem in `problem` (see date_problem_ in the header).
class DateFilter : public Xapian::FieldProcessor {
public:
    explicit DateFilter(std::shared_ptr<std::string> problem) : problem_(std::move(problem)) {}
    Xapian::Query operator()(const std::string& value) override {
        const DateBounds days = date_bounds(value);
        if (days.problem.empty()) return date_query(days);
        if (problem_->empty()) *problem_ = date_problem(std::string(kDateField) + ":" + value, days, 0);
        return Xapian::Query::MatchNothing;
    }

private:
    std::shared_ptr<std::string> problem_;
};

// Xapian's "Syntax: <expression> OR <expression>" as where the operator misses a side.
QueryError syntax_error(const std::string& query, const std::string& xapian_message,
                        const std::vector<std::string>& fields) {
    static const std::regex syntax(R"(Syntax: <expression> (.+) <expression>)");
    std::smatch m;
    if (!std::regex_match(xapian_message, m, syntax)) return QueryError(xapian_message);
    if (std::optional<QueryProblem> problem = find_operator_without_operand(query, m[1], fields)) {
        return QueryError(problem->message, query, problem->column);
    }
    return QueryError(m[1].str() + " needs something to join on each side");
}

std::string with_caret(const std::string& problem, const std::string& query, std::size_t column) {
    if (column == 0) return problem;
    std::string caret;
    std::size_t characters = 0;
    for (char c : query) {
        if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
        if (++characters >= column) break;
        caret += c == '\t' ? '\t' : ' ';
    }
    return problem + "\n    " + query + "\n    " + caret + "^";
}

}  // namespace

QueryError::QueryError(const std::string& problem, const std::string& query, std::size_t column)
    : std::runtime_error(with_caret(problem, query, column)), problem_(problem), column_(column) {}

ResponseQueryParser::ResponseQueryParser(const Xapian::Database& db, const std::vector<std::string>& more_attributes)
    : model_slots_(std::make_shared<const ModelSlots>(model_theme_slots(db))) {
    parser_.set_database(db);
    parser_.set_stemmer(DocumentBuilder::stemmer());
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    for (const auto& [field, prefix] : kSlugFields) slug_prefixes_[field] = prefix;
    std::vector<std::string> attributes = stored_attributes(db);
    attributes.insert(attributes.end(), more_attributes.begin(), more_attributes.end());
    for (const std::string& name : attributes) {
        if (name != kBatchField && name != kDateField) slug_prefixes_.emplace(name, attribute_prefix(name));
    }
    for (const auto& [alias, name] : kAttributeAliases) {
        if (std::find(attributes.begin(), attributes.end(), name) != attributes.end()) {
            slug_prefixes_.emplace(alias, attribute_prefix(name));
        }
    }
    for (const auto& [field, prefix] : slug_prefixes_) {
        // Grouped by prefix, so an alias and its attribute are alternatives, as values of one field are.
        parser_.add_boolean_prefix(field, (new SlugFilter(prefix, model_slots_))->release(), &prefix);
        fields_.push_back(field);
    }
    parser_.add_boolean_prefix(kBatchField, (new ExactFilter(schema::kBatchPrefix))->release());
    parser_.add_boolean_prefix(kDateField, (new DateFilter(date_problem_))->release());
    fields_.insert(fields_.end(), {kBatchField, kDateField});
}

Xapian::Query ResponseQueryParser::parse(const std::string& text) const {
    if (std::optional<QueryProblem> problem = find_unbalanced(text, fields_)) {
        throw QueryError(problem->message, text, problem->column);
    }
    // Every date: filter, in brackets or not, is checked here, where its column is known.
    const auto is_date = [](const std::string& field) { return field == kDateField; };
    for (const QueryPiece& p : scan_query(text, is_date)) {
        const DateBounds days = p.kind == QueryPiece::Kind::filter ? date_bounds(p.value) : DateBounds{};
        const std::size_t column = column_at(text, p.at);
        if (!days.problem.empty()) throw QueryError(date_problem(p.text, days, column), text, column);
    }
    SplitQuery split = split_query_filters(text, fields_);
    Xapian::Query words = Xapian::Query::MatchAll;
    if (!trim(split.words).empty()) {
        try {
            date_problem_->clear();
            words = parser_.parse_query(split.words, kFlags);
            if (!date_problem_->empty()) throw QueryError(*date_problem_);
            if (std::optional<Xapian::Query> phrased = with_synonym_phrases(words, false)) words = *phrased;
        } catch (const Xapian::QueryParserError& e) {
            throw syntax_error(text, e.get_msg(), fields_);
        }
    }
    Xapian::Query result = words;
    if (!split.filters.empty()) {
        // As Xapian does: values of one field are alternatives (OR), fields must all hold (AND).
        std::map<std::string, std::vector<Xapian::Query>> by_field;
        for (const auto& [field, value] : split.filters) {
            const auto prefix = slug_prefixes_.find(field);
            by_field[prefix == slug_prefixes_.end() ? field : prefix->second].push_back(filter_query(field, value));
        }
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

Xapian::Query ResponseQueryParser::filter_query(const std::string& field, const std::string& value) const {
    if (field == kBatchField) return Xapian::Query(schema::kBatchPrefix + value);
    if (field == kDateField) {
        const DateBounds days = date_bounds(value);
        if (!days.problem.empty()) throw QueryError(date_problem(std::string(kDateField) + ":" + value, days, 0));
        return date_query(days);
    }
    return slug_filter(slug_prefixes_.at(field), slug(value), *model_slots_);
}

}  // namespace yousaid
