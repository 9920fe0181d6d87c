#include "analysis/search.h"

#include "analysis/document_builder.h"
#include "analysis/query_parser.h"
#include "analysis/schema.h"
#include "ingest/response.h"

namespace yousaid {

namespace {

// Counts each id of a multi-valued slot (or the one value of a single-valued
// slot) over every document the matcher sees.
class ListCounter : public Xapian::MatchSpy {
public:
    ListCounter(Xapian::valueno slot, std::map<std::string, Xapian::doccount>& counts)
        : slot_(slot), counts_(counts) {}
    void operator()(const Xapian::Document& doc, double) override {
        for (const std::string& id : split_list(doc.get_value(slot_))) ++counts_[id];
    }

private:
    Xapian::valueno slot_;
    std::map<std::string, Xapian::doccount>& counts_;
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

SearchResults search(const Xapian::Database& db, const SearchOptions& options) {
    ResponseQueryParser parser(db);
    Xapian::Enquire enquire(db);
    enquire.set_query(parser.parse(options.query));

    SearchResults results;
    ListCounter themes(schema::kThemesSlot, results.theme_counts);
    ListCounter groups(schema::kGroupsSlot, results.group_counts);
    ListCounter polarities(schema::kPolaritySlot, results.polarity_counts);
    enquire.add_matchspy(&themes);
    enquire.add_matchspy(&groups);
    enquire.add_matchspy(&polarities);
    results.has_polarity = db.allterms_begin(schema::kPolarityPrefix) != db.allterms_end(schema::kPolarityPrefix);
    // Checking every document makes the total and the facet counts exact.
    Xapian::MSet mset = enquire.get_mset(0, options.limit, db.get_doccount());
    results.total = mset.get_matches_estimated();

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
