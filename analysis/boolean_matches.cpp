#include "analysis/boolean_matches.h"

#include <algorithm>
#include <iterator>

namespace yousaid {

namespace {

using Docids = std::vector<Xapian::docid>;

// A node that matches what its only subquery matches.
bool passes_through(const Xapian::Query& query) {
    return query.get_type() == Xapian::Query::OP_SCALE_WEIGHT ||
           (query.get_type() == Xapian::Query::OP_AND_MAYBE && query.get_num_subqueries() > 0);
}

Xapian::Query beneath_pass_throughs(Xapian::Query query) {
    while (passes_through(query)) query = query.get_subquery(0);
    return query;
}

bool is_term(const Xapian::Query& query) { return query.get_type() == Xapian::Query::LEAF_TERM; }
std::string term_of(const Xapian::Query& query) { return *query.get_terms_begin(); }

Docids postings(const Xapian::Database& db, const std::string& term) {
    Docids out;
    out.reserve(db.get_termfreq(term));
    const Xapian::PostingIterator end = db.postlist_end(term);
    for (Xapian::PostingIterator it = db.postlist_begin(term); it != end; ++it) out.push_back(*it);
    return out;
}

// Keeps the docids `term` indexes (or, with keep false, those it does not),
// skipping through its posting list.
void filter_by_term(const Xapian::Database& db, const std::string& term, bool keep, Docids& docs) {
    Xapian::PostingIterator it = db.postlist_begin(term);
    const Xapian::PostingIterator end = db.postlist_end(term);
    auto out = docs.begin();
    for (Xapian::docid did : docs) {
        if (it != end && *it < did) it.skip_to(did);
        const bool indexed = it != end && *it == did;
        if (indexed == keep) *out++ = did;
    }
    docs.erase(out, docs.end());
}

bool collect(const Xapian::Database& db, const Xapian::Query& query, Docids& out);

// AND and FILTER: the rarest term's postings (or the smallest other part),
// then each other term skipped through and each other part intersected.
bool collect_all_of(const Xapian::Database& db, const Xapian::Query& query, Docids& out) {
    std::vector<std::string> terms;
    std::vector<Docids> parts;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        const Xapian::Query sub = beneath_pass_throughs(query.get_subquery(i));
        if (sub.get_type() == Xapian::Query::LEAF_MATCH_ALL) continue;  // holds for every document
        if (is_term(sub)) {
            terms.push_back(term_of(sub));
        } else {
            parts.emplace_back();
            if (!collect(db, sub, parts.back())) return false;
        }
    }
    std::sort(terms.begin(), terms.end(),
              [&](const std::string& a, const std::string& b) { return db.get_termfreq(a) < db.get_termfreq(b); });
    std::sort(parts.begin(), parts.end(), [](const Docids& a, const Docids& b) { return a.size() < b.size(); });
    std::size_t next_term = 0, next_part = 0;
    if (!parts.empty() && (terms.empty() || parts[0].size() <= db.get_termfreq(terms[0]))) {
        out = std::move(parts[next_part++]);
    } else if (!terms.empty()) {
        out = postings(db, terms[next_term++]);
    } else {
        return collect(db, Xapian::Query::MatchAll, out);
    }
    for (; next_term < terms.size(); ++next_term) filter_by_term(db, terms[next_term], true, out);
    for (; next_part < parts.size(); ++next_part) {
        Docids both;
        std::set_intersection(out.begin(), out.end(), parts[next_part].begin(), parts[next_part].end(),
                              std::back_inserter(both));
        out = std::move(both);
    }
    return true;
}

// OR, SYNONYM and MAX: every part's matches, merged smallest first.
bool collect_any_of(const Xapian::Database& db, const Xapian::Query& query, Docids& out) {
    std::vector<Docids> parts(query.get_num_subqueries());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (!collect(db, query.get_subquery(i), parts[i])) return false;
    }
    std::sort(parts.begin(), parts.end(), [](const Docids& a, const Docids& b) { return a.size() < b.size(); });
    out.clear();
    for (const Docids& part : parts) {
        Docids either;
        either.reserve(out.size() + part.size());
        std::set_union(out.begin(), out.end(), part.begin(), part.end(), std::back_inserter(either));
        out = std::move(either);
    }
    return true;
}

bool collect_but_not(const Xapian::Database& db, const Xapian::Query& query, Docids& out) {
    if (query.get_num_subqueries() == 0 || !collect(db, query.get_subquery(0), out)) return false;
    for (std::size_t i = 1; i < query.get_num_subqueries() && !out.empty(); ++i) {
        const Xapian::Query sub = beneath_pass_throughs(query.get_subquery(i));
        if (is_term(sub)) {
            filter_by_term(db, term_of(sub), false, out);
            continue;
        }
        Docids excluded, rest;
        if (!collect(db, sub, excluded)) return false;
        std::set_difference(out.begin(), out.end(), excluded.begin(), excluded.end(), std::back_inserter(rest));
        out = std::move(rest);
    }
    return true;
}

bool collect(const Xapian::Database& db, const Xapian::Query& query, Docids& out) {
    switch (query.get_type()) {
        case Xapian::Query::LEAF_TERM:
            out = postings(db, term_of(query));
            return true;
        case Xapian::Query::LEAF_MATCH_ALL:
            out = postings(db, "");  // Xapian's list of every document
            return true;
        case Xapian::Query::LEAF_MATCH_NOTHING:
            out.clear();
            return true;
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_FILTER:
            return collect_all_of(db, query, out);
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX:
            return collect_any_of(db, query, out);
        case Xapian::Query::OP_AND_NOT:
            return collect_but_not(db, query, out);
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_SCALE_WEIGHT:
            return query.get_num_subqueries() > 0 && collect(db, query.get_subquery(0), out);
        default:
            return false;
    }
}

}  // namespace

std::optional<std::vector<Xapian::docid>> boolean_matches(const Xapian::Database& db, const Xapian::Query& query) {
    Docids out;
    if (!collect(db, query, out)) return std::nullopt;
    return out;
}

namespace {

// Hands the id of every document the matcher considers a match to a function.
class MatchHandler : public Xapian::MatchSpy {
public:
    explicit MatchHandler(const std::function<void(Xapian::docid)>& each) : each_(each) {}
    void operator()(const Xapian::Document& doc, double) override { each_(doc.get_docid()); }

private:
    const std::function<void(Xapian::docid)>& each_;
};

}  // namespace

void for_each_match(const Xapian::Database& db, const Xapian::Query& query,
                    const std::function<void(Xapian::docid)>& each) {
    if (query.empty()) return;
    if (std::optional<Docids> matches = boolean_matches(db, query)) {
        for (Xapian::docid did : *matches) each(did);
        return;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    MatchHandler handler(each);
    enquire.add_matchspy(&handler);
    enquire.get_mset(0, 0, db.get_doccount());
}

}  // namespace yousaid
