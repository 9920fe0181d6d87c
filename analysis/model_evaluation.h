#pragma once
// A model measured against an analyst's labels (yousaid evaluate): every row of
// the labels file is predicted, in file order; the rows that carry a label are
// scored (classification_metrics.h).
#include <string>
#include <vector>

#include "analysis/classification_metrics.h"
#include "analysis/label_table.h"
#include "analysis/text_model.h"

namespace yousaid {

struct ModelEvaluation {
    std::string labels_file;
    ClassificationScores scores;
    std::vector<std::vector<std::string>> predictions;  // per row of the file, in order
    int unlabelled = 0;                                   // rows predicted but not scored
};

ModelEvaluation evaluate_model(const TextModel& model, const LabelTable& table, const std::string& labels_file);

// A table an analyst reads: per label precision, recall, F1, support, kappa,
// then the figures over all labels.
std::string evaluation_text(const ModelEvaluation& evaluation);
// {"rows", "unlabelled", "micro_f1", "macro_f1", "accuracy", "exact_match",
//  "kappa" (single label), "per_label": {label: {"precision", "recall", "f1",
//  "support", "kappa"}}}; accuracy is exact match for a multi-label model.
std::string evaluation_json(const ModelEvaluation& evaluation);
// CSV with columns row (1 for the first record after the header), predicted
// (labels joined by `separator`).
std::string predictions_csv(const ModelEvaluation& evaluation, const std::string& separator);

}  // namespace yousaid
