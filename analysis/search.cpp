#include "analysis/search.h"

#include <algorithm>
#include <string_view>

#include "analysis/document_builder.h"
#include "analysis/facet_counting.h"
#include "analysis/model_tags.h"
#include "analysis/query_parser.h"
#include "analysis/schema.h"
#include "analysis/spelling.h"
#include "ingest/response.h"

namespace yousaid {

namespace {

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

}  // namespace

SearchResults search(const Xapian::Database& db, const SearchOptions& options, const StoreAccess& access) {
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
    results.has_polarity = db.get_value_freq(schema::kPolaritySlot) > 0;
    CountedMatches matches = matches_with_facets(db, enquire, options.offset, options.limit, access);
    FacetCounts& facets = matches.facets;
    const Xapian::MSet& mset = matches.page;
    results.theme_counts = std::move(facets[schema::kThemeFacet]);
    results.group_counts = std::move(facets[schema::kGroupFacet]);
    results.polarity_counts = std::move(facets[schema::kPolarityFacet]);
    results.event_counts = std::move(facets[schema::kEventFacet]);
    results.channel_counts = std::move(facets[schema::kChannelFacet]);
    results.total = matches.total;
    if (!options.query.empty()) results.suggestion = spelling_suggestion(db, options.query);

    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        Response response = stored_response(doc);
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
