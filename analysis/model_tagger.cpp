#include "analysis/model_tagger.h"

#include <algorithm>
#include <set>

#include "analysis/store_tagging.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

// The themes models gave, with their confidence, among `ids`.
std::vector<Tag> model_themes_among(const std::vector<Tag>& themes, const std::set<std::string>& ids) {
    std::vector<Tag> out;
    for (const Tag& t : themes) {
        if (t.source == "model" && ids.count(t.id)) out.push_back(t);
    }
    return out;
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

ModelApplication::ModelApplication(const std::vector<const TextModel*>& models) : models_(models) {
    for (const TextModel* model : models) {
        polarity_.push_back(is_polarity_model(*model));
        std::set<std::string> ids;
        if (!polarity_.back()) {
            has_theme_models_ = true;
            for (const std::string& label : model->labels()) ids.insert(theme_id_of_label(label));
        }
        theme_ids_.push_back(std::move(ids));
    }
}

std::vector<std::vector<LabelScore>> ModelApplication::predict(const std::string& text) const {
    std::vector<std::vector<LabelScore>> out;
    for (std::size_t m = 0; m < models_.size(); ++m) out.push_back(models_[m]->predict(text, polarity_[m]));
    return out;
}

void ModelApplication::apply(const std::vector<std::vector<LabelScore>>& predicted, Response& r,
                             std::vector<int>& changed_by_model) const {
    const std::vector<Tag> before = r.themes;
    std::vector<Tag> themes;
    for (const Tag& t : r.themes) {
        if (t.source != "model" || !has_theme_models_) themes.push_back(t);
    }
    for (std::size_t m = 0; m < predicted.size(); ++m) {
        if (polarity_[m]) {
            changed_by_model[m] += apply_polarity(r, predicted[m]);
            continue;
        }
        for (const LabelScore& p : predicted[m]) {
            const std::string id = theme_id_of_label(p.label);
            const bool present = std::any_of(themes.begin(), themes.end(), [&](const Tag& t) { return t.id == id; });
            const bool removed =
                std::find(r.removed_themes.begin(), r.removed_themes.end(), id) != r.removed_themes.end();
            if (!present && !removed) themes.push_back({id, "model", p.confidence});
        }
    }
    r.themes = std::move(themes);
    for (std::size_t m = 0; m < predicted.size(); ++m) {
        if (!polarity_[m]) {
            changed_by_model[m] += model_themes_among(before, theme_ids_[m]) != model_themes_among(r.themes, theme_ids_[m]);
        }
    }
}

ModelTagging tag_with_model(Xapian::WritableDatabase& db, const TextModel& model, unsigned threads) {
    const StoreTagging tagged = tag_store(db, {&model}, nullptr, threads);
    return {tagged.examined, tagged.changed};
}

}  // namespace yousaid
