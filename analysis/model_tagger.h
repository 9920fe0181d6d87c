#pragma once
// Tagging a store with a learned model (yousaid tag --model). A theme model's
// tags have source "model" and the model's confidence; they are recomputed on
// every run, while a theme an analyst added by hand or a rule found stays as
// it is and a theme taken off by hand is never put back. A polarity model
// (is_polarity_model) sets each response's polarity instead. Labels become
// theme ids as slugs ("Care received" -> "care-received"); an id stays as it is.
// In a store a response may rightly have no theme ("Nothing.", "No comment"),
// so a theme model adds only the themes past their thresholds, never a best
// guess when none is.
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/text_model.h"
#include "ingest/response.h"

namespace yousaid {

struct ModelTagging {
    int examined = 0;  // responses predicted
    int changed = 0;   // responses whose tags or polarity changed
};

// Tags every response in the store with the model (tag_store, store_tagging.h,
// with this one model). Does not commit: the caller's transaction makes the
// tags visible together.
ModelTagging tag_with_model(Xapian::WritableDatabase& db, const TextModel& model, unsigned threads = 2);

// Predicts with models and gives responses what they predicted. Each model's
// kind (theme or polarity, is_polarity_model) is decided once, here.
class ModelApplication {
public:
    explicit ModelApplication(const std::vector<const TextModel*>& models);
    // Per model, its labels for `text` (TextModel::predict, with at_least_one
    // for a polarity model). Safe to call from several threads at once.
    std::vector<std::vector<LabelScore>> predict(const std::string& text) const;
    // predicted[m]: model m's labels for the response. The theme models'
    // themes together replace those models gave it before (a theme already
    // there from a rule or by hand, or taken off by hand, is left as it is);
    // with no theme model among `models`, the themes models gave it before
    // stay. A polarity model sets its polarity. Adds 1 to changed_by_model[m] when
    // the themes from model m's labels, or the polarity it sets, changed.
    void apply(const std::vector<std::vector<LabelScore>>& predicted, Response& response,
               std::vector<int>& changed_by_model) const;

private:
    std::vector<const TextModel*> models_;
    std::vector<bool> polarity_;
    std::vector<std::set<std::string>> theme_ids_;  // per theme model: the themes its labels stand for
    bool has_theme_models_ = false;
};

// The theme id a model's label stands for.
std::string theme_id_of_label(const std::string& label);

}  // namespace yousaid
