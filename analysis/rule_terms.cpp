#include "analysis/rule_terms.h"

#include <algorithm>
#include <sstream>

namespace yousaid {

namespace {

// The pattern of a wildcard query, from its description, "Query(WILDCARD
// <combiner> <pattern>)" in Xapian 1.4 (the API has no accessor for it);
// empty when the description is not of that form.
std::string wildcard_pattern(const Xapian::Query& query) {
    std::string description = query.get_description();
    const std::string open = "Query(", close = ")";
    if (description.rfind(open, 0) != 0 || description.size() < open.size() + close.size() ||
        description.compare(description.size() - close.size(), close.size(), close) != 0) {
        return "";
    }
    std::istringstream words(description.substr(open.size(), description.size() - open.size() - close.size()));
    std::string kind, combiner, pattern, more;
    if (!(words >> kind >> combiner >> pattern) || (words >> more) || kind != "WILDCARD") return "";
    return pattern;
}

}  // namespace

RuleTerms::RuleTerms(const std::vector<Xapian::Query>& queries) {
    for (const Xapian::Query& query : queries) {
        for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) terms_.push_back(*t);
        gather(query);
    }
    std::sort(terms_.begin(), terms_.end());
    terms_.erase(std::unique(terms_.begin(), terms_.end()), terms_.end());
}

void RuleTerms::gather(const Xapian::Query& query) {
    if (query.get_type() == Xapian::Query::OP_WILDCARD) {
        std::string pattern = wildcard_pattern(query);
        if (pattern.empty()) everything_ = true;
        else prefixes_.push_back(pattern);
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) gather(query.get_subquery(i));
}

bool RuleTerms::visible(const std::string& term) const {
    if (everything_ || std::binary_search(terms_.begin(), terms_.end(), term)) return true;
    return std::any_of(prefixes_.begin(), prefixes_.end(),
                       [&](const std::string& p) { return term.compare(0, p.size(), p) == 0; });
}

Xapian::Document RuleTerms::visible_part(const Xapian::Document& doc) const {
    if (everything_) return doc;
    Xapian::Document part;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        if (!visible(*t)) continue;
        if (t.positionlist_count() == 0) {
            part.add_term(*t, t.get_wdf());
            continue;
        }
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) part.add_posting(*t, *p, 0);
        part.add_term(*t, t.get_wdf());
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) part.add_value(v.get_valueno(), *v);
    return part;
}

}  // namespace yousaid
