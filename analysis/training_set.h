#pragma once
// Texts and their labels to learn from: from a labels file (label_table.h) or
// from the responses an analyst has coded by hand in a store.
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/label_table.h"

namespace yousaid {

struct TrainingSet {
    std::vector<std::string> texts;
    std::vector<std::vector<std::string>> labels;
    int skipped = 0;  // rows left out: no label, or no text
};

// The labelled rows with text. Single label: rows holding one label (without a
// separator every non-empty cell is one label).
TrainingSet training_set_from_table(const LabelTable& table);

// The responses an analyst has reviewed: each holding a manual theme or a theme
// taken off by hand. Its labels are every theme it now carries (what the
// analyst added or left on), its text the redacted text; multi-label.
TrainingSet training_set_from_store(const Xapian::Database& db);

}  // namespace yousaid
