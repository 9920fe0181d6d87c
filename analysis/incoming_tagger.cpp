#include "analysis/incoming_tagger.h"

#include "analysis/boolean_matches.h"
#include "analysis/schema.h"

namespace yousaid {

namespace {

// Which documents of `chunk` (docid i + 1 is response i) `query` matches.
std::vector<char> matches(const Xapian::Database& chunk, const Xapian::Query& query) {
    std::vector<char> marks(chunk.get_doccount());
    for_each_match(chunk, query, [&](Xapian::docid d) { marks[d - 1] = 1; });
    return marks;
}

}  // namespace

IncomingTagger::IncomingTagger(Xapian::WritableDatabase& db, const CompiledCodebook& compiled,
                               std::vector<std::string> attributes)
    : db_(db), compiled_(compiled), rules_(compiled.codebook), attributes_(std::move(attributes)) {}

void IncomingTagger::prepare() {
    if (parsed_) return;
    store_synonyms(db_, compiled_.codebook.synonyms);
    const ResponseQueryParser parser(db_, attributes_);  // now sees the codebook's synonyms
    queries_ = rule_queries(compiled_, parser);
    visible_.emplace(queries_);
    parsed_ = true;
}

void IncomingTagger::tag(std::vector<Response>& responses, std::vector<Xapian::Document>& documents,
                         DocumentBuilder& builder) {
    Xapian::WritableDatabase chunk(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const Xapian::Document& doc : documents) chunk.add_document(visible_->visible_part(doc));
    std::vector<std::vector<char>> marks;
    for (const Xapian::Query& query : queries_) marks.push_back(matches(chunk, query));

    const std::size_t themes = compiled_.codebook.themes.size(), groups = compiled_.codebook.groups.size();
    std::vector<char> matched(themes), cued(groups);
    for (std::size_t r = 0; r < responses.size(); ++r) {
        ++summary_.examined;
        for (std::size_t i = 0; i < themes; ++i) matched[i] = marks[i][r];
        for (std::size_t i = 0; i < groups; ++i) cued[i] = marks[themes + i][r];
        Response tagged = responses[r];
        if (!rules_.apply(matched, cued, tagged)) continue;
        builder.retag(documents[r], responses[r], tagged);
        responses[r] = std::move(tagged);
        ++summary_.changed;
    }
}

void IncomingTagger::finish() {
    if (parsed_) db_.set_metadata(schema::kCodebookKey, compiled_.text);
}

}  // namespace yousaid
