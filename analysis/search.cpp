#include "analysis/search.h"

#include <algorithm>
#include <deque>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "analysis/document_builder.h"
#include "analysis/facet_codes.h"
#include "analysis/query_parser.h"
#include "analysis/schema.h"
#include "analysis/spelling.h"
#include "ingest/response.h"

namespace yousaid {

namespace {

// A slot's value stream, moved forward to each document asked for: far cheaper
// than Document::get_value, which looks each one up afresh, when documents come
// in docid order as the matcher visits them (an earlier one starts it again).
class ValueCursor {
public:
    ValueCursor(const Xapian::Database& db, Xapian::valueno slot)
        : db_(db), slot_(slot), at_(db.valuestream_begin(slot)), end_(db.valuestream_end(slot)) {}

    // The document's value, or nullptr when it has none.
    const std::string* value_of(Xapian::docid did) {
        if (at_ != end_ && at_.get_docid() > did) at_ = db_.valuestream_begin(slot_);
        if (at_ == end_) return nullptr;
        at_.skip_to(did);
        if (at_ == end_ || at_.get_docid() != did) return nullptr;
        value_ = *at_;
        return &value_;
    }

private:
    const Xapian::Database& db_;
    Xapian::valueno slot_;
    Xapian::ValueIterator at_, end_;
    std::string value_;
};

// Exact counts of the entries of one slot over every match: each match's value
// (one entry, or entries joined by schema::kListSeparator) is split in place
// and each entry counted in a hash table keyed by views into strings kept
// here, so a match costs one value read (ValueCursor) and a lookup per entry.
// For one local database only: over several,
// a spy sees each shard's own docids, and xapian-tcpsrv runs no spy of ours.
class FacetCounter : public Xapian::MatchSpy {
public:
    FacetCounter(const Xapian::Database& db, Xapian::valueno slot) : values_(db, slot) {}

    void operator()(const Xapian::Document& doc, double) override {
        const std::string* value = values_.value_of(doc.get_docid());
        if (!value) return;
        // Neighbouring documents often share a value (one event per batch): count it again.
        if (*value != last_value_) {
            last_value_ = *value;
            last_counts_.clear();
            std::string_view rest = last_value_;
            while (!rest.empty()) {
                const std::size_t end = std::min(rest.find(schema::kListSeparator), rest.size());
                if (end > 0) last_counts_.push_back(&count_of(rest.substr(0, end)));
                rest.remove_prefix(std::min(end + 1, rest.size()));
            }
        }
        for (Xapian::doccount* n : last_counts_) ++*n;
    }

    std::map<std::string, Xapian::doccount> counts() const {
        return std::map<std::string, Xapian::doccount>(counts_.begin(), counts_.end());
    }

private:
    Xapian::doccount& count_of(std::string_view id) {
        auto found = counts_.find(id);
        if (found == counts_.end()) found = counts_.emplace(names_.emplace_back(id), 0).first;
        return found->second;  // stays where it is: the table's nodes never move
    }

    ValueCursor values_;
    std::deque<std::string> names_;  // the keys' storage: a deque never moves its strings
    std::unordered_map<std::string_view, Xapian::doccount> counts_;
    std::string last_value_;
    std::vector<Xapian::doccount*> last_counts_;  // the counts last_value_ adds to
};

// MSet::snippet escapes for HTML; we print plain text, so undo it. The
// highlight markers are control characters no response text contains.
constexpr const char* kMarkStart = "\x01";
constexpr const char* kMarkEnd = "\x02";

std::string plain_snippet(const std::string& html, const SearchOptions& options) {
    static const std::pair<const char*, const char*> entities[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}};
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        if (html[i] == '&') {
            bool replaced = false;
            for (const auto& [entity, text] : entities) {
                std::string_view e(entity);
                if (html.compare(i, e.size(), e) == 0) {
                    out += text;
                    i += e.size();
                    replaced = true;
                    break;
                }
            }
            if (replaced) continue;
        }
        if (html[i] == kMarkStart[0]) out += options.highlight_start;
        else if (html[i] == kMarkEnd[0]) out += options.highlight_end;
        else if (html[i] == '\n') out += ' ';
        else out += html[i];
        ++i;
    }
    return out;
}

}  // namespace

std::vector<std::string> split_list(const std::string& joined) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < joined.size()) {
        std::size_t end = joined.find(schema::kListSeparator, start);
        if (end == std::string::npos) end = joined.size();
        if (end > start) out.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

namespace {

// Which words may say what a response is like: stemmed words ("Z" + stem, so
// "wards" and "ward" count once) that at most one response in ten holds (or
// two, in a store of under twenty), so "at", "the" and "really" never do, and
// no filter term.
class TellingWords : public Xapian::ExpandDecider {
public:
    explicit TellingWords(const Xapian::Database& db) : db_(db), ceiling_(std::max<Xapian::doccount>(2, db.get_doccount() / 10)) {}
    bool operator()(const std::string& term) const override {
        return term.size() > 1 && term[0] == 'Z' && db_.get_termfreq(term) <= ceiling_;
    }

private:
    const Xapian::Database& db_;
    Xapian::doccount ceiling_;
};

// The responses like `id`: its 20 most telling words (Xapian's relevance
// feedback), any of them, without the response itself.
Xapian::Query similar_query(const Xapian::Database& db, const std::string& id) {
    const std::string term = id_term(id);
    Xapian::PostingIterator found = db.postlist_begin(term);
    if (found == db.postlist_end(term)) throw QueryError("no response \"" + id + "\" in the store (search prints ids)");
    Xapian::RSet rset;
    rset.add_document(*found);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(term));
    TellingWords words(db);
    Xapian::ESet eset = enquire.get_eset(20, rset, &words);
    Xapian::Query like(Xapian::Query::OP_OR, eset.begin(), eset.end());
    return Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(term));
}

// Facet counts by kind (schema::kThemeFacet, ...), then key.
using FacetCounts = std::map<char, std::map<std::string, Xapian::doccount>>;

// Counts the 3-byte codes of the facets value (facet_codes.h) over every
// match, read from its value stream in docid order; one local database only.
class FacetCodeCounter : public Xapian::MatchSpy {
public:
    explicit FacetCodeCounter(const Xapian::Database& db) : values_(db, schema::kFacetsSlot) {}

    void operator()(const Xapian::Document& doc, double) override {
        const std::string* value = values_.value_of(doc.get_docid());
        if (!value) return;
        for (std::size_t i = 0; i + kFacetCodeBytes <= value->size(); i += kFacetCodeBytes) {
            ++counts_[facet_code_at(*value, i)];
        }
    }

    const std::unordered_map<std::uint32_t, Xapian::doccount>& counts() const { return counts_; }

private:
    ValueCursor values_;
    std::unordered_map<std::uint32_t, Xapian::doccount> counts_;
};

// The slot of each facet, for stores of several databases, remote shards and
// stores written before the facets value: one value per facet, ids joined.
struct FacetSlot {
    Xapian::valueno slot;
    char kind;
};
constexpr FacetSlot kFacetSlots[] = {{schema::kThemesSlot, schema::kThemeFacet},
                                     {schema::kGroupsSlot, schema::kGroupFacet},
                                     {schema::kPolaritySlot, schema::kPolarityFacet},
                                     {schema::kEventSlot, schema::kEventFacet},
                                     {schema::kChannelSlot, schema::kChannelFacet}};

// Runs the search, counting every facet over every match (checking every
// document makes the total and the counts exact), the fastest way the store
// allows: one local database with the facets value, its codes; one local
// database without, FacetCounter on each facet's slot; several, or a remote
// shard (Xapian refuses our spies there, and in a union a spy sees each
// shard's own docids), Xapian's ValueCountMatchSpy, whose joined values are
// split afterwards.
Xapian::MSet matches_with_facets(const Xapian::Database& db, Xapian::Enquire& enquire, const SearchOptions& options,
                                 FacetCounts& out) {
    auto run = [&] { return enquire.get_mset(options.offset, options.limit, db.get_doccount()); };
    if (db.size() == 1) {
        try {
            std::optional<std::unordered_map<std::uint32_t, FacetKey>> codes;
            if (db.get_value_freq(schema::kFacetsSlot) > 0) codes = facet_codes(db);
            if (codes) {
                FacetCodeCounter counter(db);
                enquire.add_matchspy(&counter);
                Xapian::MSet mset = run();
                enquire.clear_matchspies();
                for (const auto& [code, n] : counter.counts()) {
                    auto key = codes->find(code);
                    if (key != codes->end()) out[key->second.kind][key->second.key] += n;
                }
                return mset;
            }
            std::vector<std::unique_ptr<FacetCounter>> spies;
            for (const FacetSlot& f : kFacetSlots) {
                spies.push_back(std::make_unique<FacetCounter>(db, f.slot));
                enquire.add_matchspy(spies.back().get());
            }
            Xapian::MSet mset = run();
            enquire.clear_matchspies();
            for (std::size_t i = 0; i < spies.size(); ++i) out[kFacetSlots[i].kind] = spies[i]->counts();
            return mset;
        } catch (const Xapian::UnimplementedError&) {
            enquire.clear_matchspies();  // a remote shard: count as below
        }
    }
    std::vector<Xapian::ValueCountMatchSpy*> spies;
    for (const FacetSlot& f : kFacetSlots) {
        spies.push_back(new Xapian::ValueCountMatchSpy(f.slot));
        enquire.add_matchspy(spies.back()->release());  // the Enquire owns it from here
    }
    Xapian::MSet mset = run();
    for (std::size_t i = 0; i < spies.size(); ++i) {
        for (auto it = spies[i]->values_begin(); it != spies[i]->values_end(); ++it) {
            for (const std::string& id : split_list(*it)) out[kFacetSlots[i].kind][id] += it.get_termfreq();
        }
    }
    return mset;
}

}  // namespace

SearchResults search(const Xapian::Database& db, const SearchOptions& options) {
    ResponseQueryParser parser(db);
    Xapian::Enquire enquire(db);
    Xapian::Query query = parser.parse(options.query);
    if (!options.similar_to.empty()) {
        Xapian::Query like = similar_query(db, options.similar_to);
        // The query, when there is one, filters: the ranking is the likeness's.
        query = options.query.empty() ? like : Xapian::Query(Xapian::Query::OP_FILTER, like, query);
    }
    enquire.set_query(query);
    if (options.order != SearchOrder::relevance) {
        enquire.set_sort_by_value_then_relevance(schema::kDateSlot, options.order == SearchOrder::newest);
    }

    SearchResults results;
    results.has_polarity = db.allterms_begin(schema::kPolarityPrefix) != db.allterms_end(schema::kPolarityPrefix);
    FacetCounts facets;
    Xapian::MSet mset = matches_with_facets(db, enquire, options, facets);
    results.theme_counts = std::move(facets[schema::kThemeFacet]);
    results.group_counts = std::move(facets[schema::kGroupFacet]);
    results.polarity_counts = std::move(facets[schema::kPolarityFacet]);
    results.event_counts = std::move(facets[schema::kEventFacet]);
    results.channel_counts = std::move(facets[schema::kChannelFacet]);
    results.total = mset.get_matches_estimated();
    if (!options.query.empty()) results.suggestion = spelling_suggestion(db, options.query);

    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        Response response = response_from_json(doc.get_data());
        SearchHit hit;
        hit.id = response.id;
        hit.event = response.event;
        hit.channel = response.channel;
        hit.date = response.date;
        hit.question = response.question;
        hit.percent = it.get_percent();
        hit.snippet = plain_snippet(
            mset.snippet(response.redacted_text, options.snippet_bytes, DocumentBuilder::stemmer(),
                         Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                         kMarkStart, kMarkEnd, "…"),
            options);
        if (options.show_original) hit.original = response.original_text;
        for (const Tag& t : response.themes) hit.themes.push_back(t.id);
        for (const Tag& g : response.groups) hit.groups.push_back(g.id);
        hit.polarity = response.polarity;
        results.hits.push_back(std::move(hit));
    }
    return results;
}

}  // namespace yousaid
