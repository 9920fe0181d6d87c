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
#include <xapian.h>

#include "analysis/text_model.h"

namespace yousaid {

struct ModelTagging {
    int examined = 0;  // responses predicted
    int changed = 0;   // responses whose tags or polarity changed
};

// Does not commit: the caller's transaction makes the tags visible together.
// Predicts on `threads` threads; writes on the calling one.
ModelTagging tag_with_model(Xapian::WritableDatabase& db, const TextModel& model, unsigned threads = 2);

// The theme id a model's label stands for.
std::string theme_id_of_label(const std::string& label);

}  // namespace yousaid
