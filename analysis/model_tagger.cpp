#include "analysis/model_tagger.h"

#include <algorithm>

#include "analysis/document_builder.h"
#include "analysis/parallel_for.h"
#include "ingest/response.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

constexpr std::size_t kChunk = 4096;  // responses read, predicted, then written at a time

bool apply_themes(Response& r, const std::vector<LabelScore>& predicted) {
    std::vector<Tag> themes;
    for (const Tag& t : r.themes) {
        if (t.source != "model") themes.push_back(t);
    }
    for (const LabelScore& p : predicted) {
        const std::string id = theme_id_of_label(p.label);
        const bool present = std::any_of(themes.begin(), themes.end(), [&](const Tag& t) { return t.id == id; });
        const bool removed = std::find(r.removed_themes.begin(), r.removed_themes.end(), id) != r.removed_themes.end();
        if (!present && !removed) themes.push_back({id, "model", p.confidence});
    }
    if (themes == r.themes) return false;
    r.themes = std::move(themes);
    return true;
}

bool apply_polarity(Response& r, const std::vector<LabelScore>& predicted) {
    if (predicted.empty()) return false;
    const std::string polarity = fold_case(predicted.front().label);
    if (polarity == r.polarity && predicted.front().confidence == r.polarity_confidence) return false;
    r.polarity = polarity;
    r.polarity_confidence = predicted.front().confidence;
    return true;
}

}  // namespace

std::string theme_id_of_label(const std::string& label) { return slug(label); }

ModelTagging tag_with_model(Xapian::WritableDatabase& db, const TextModel& model, unsigned threads) {
    const bool polarity = is_polarity_model(model);
    std::vector<Xapian::docid> docids;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) docids.push_back(*it);
    ModelTagging summary;
    DocumentBuilder builder(db);
    for (std::size_t from = 0; from < docids.size(); from += kChunk) {
        const std::size_t to = std::min(docids.size(), from + kChunk);
        std::vector<Xapian::Document> documents;
        std::vector<Response> responses;
        for (std::size_t i = from; i < to; ++i) {
            documents.push_back(db.get_document(docids[i]));
            responses.push_back(response_from_json(documents.back().get_data()));
        }
        std::vector<std::vector<LabelScore>> predicted(responses.size());
        parallel_for(responses.size(), threads,
                     [&](std::size_t i) { predicted[i] = model.predict(responses[i].redacted_text, polarity); });
        for (std::size_t i = 0; i < responses.size(); ++i) {
            ++summary.examined;
            Response after = responses[i];
            const bool changed = polarity ? apply_polarity(after, predicted[i]) : apply_themes(after, predicted[i]);
            if (!changed) continue;
            builder.retag(documents[i], responses[i], after);
            db.replace_document(docids[from + i], documents[i]);
            ++summary.changed;
        }
    }
    return summary;
}

}  // namespace yousaid
