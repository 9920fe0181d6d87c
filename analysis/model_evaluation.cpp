#include "analysis/model_evaluation.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "analysis/csv_output.h"
#include "analysis/json_output.h"
#include "analysis/text_columns.h"

namespace yousaid {

ModelEvaluation evaluate_model(const TextModel& model, const LabelTable& table, const std::string& labels_file) {
    ModelEvaluation e;
    e.labels_file = labels_file;
    std::vector<std::vector<std::string>> truth, predicted;
    for (const LabelledText& row : table.rows) {
        std::vector<std::string> labels;
        for (const LabelScore& s : model.predict(row.text)) labels.push_back(s.label);
        if (row.labels.empty()) {
            ++e.unlabelled;
        } else {
            truth.push_back(row.labels);
            predicted.push_back(labels);
        }
        e.predictions.push_back(std::move(labels));
    }
    e.scores = score_classification(truth, predicted, !model.multi_label());
    return e;
}

std::string evaluation_text(const ModelEvaluation& e) {
    using text::fixed;
    using text::pad_left;
    using text::pad_right;
    const ClassificationScores& s = e.scores;
    std::size_t width = 5;
    for (const LabelScores& l : s.per_label) width = std::max(width, text::width(l.label));
    std::string out = "Scored " + std::to_string(s.rows) + " labelled rows of " + e.labels_file;
    if (e.unlabelled > 0) out += " (" + std::to_string(e.unlabelled) + " without a label predicted, not scored)";
    out += "\n\n" + pad_right("Label", width) + "  precision  recall      F1  support   kappa\n";
    for (const LabelScores& l : s.per_label) {
        out += pad_right(l.label, width) + pad_left(fixed(l.precision, 3), 11) + pad_left(fixed(l.recall, 3), 8) +
               pad_left(fixed(l.f1, 3), 8) + pad_left(std::to_string(l.support), 9) + pad_left(fixed(l.kappa, 3), 8) +
               "\n";
    }
    const auto supported = std::count_if(s.per_label.begin(), s.per_label.end(), [](const LabelScores& l) { return l.support > 0; });
    out += "\nmicro-F1 " + fixed(s.micro_f1, 3) + "   macro-F1 " + fixed(s.macro_f1, 3) + " (mean over " +
           std::to_string(supported) + " labels with support)";
    if (s.single_label) {
        out += "   accuracy " + fixed(s.accuracy, 3) + "   kappa " + fixed(s.kappa, 3) + "\n";
    } else {
        out += "   exact match " + fixed(s.exact_match, 3) + "\n";
    }
    return out;
}

std::string evaluation_json(const ModelEvaluation& e) {
    const ClassificationScores& s = e.scores;
    nlohmann::ordered_json out;
    out["rows"] = s.rows;
    out["unlabelled"] = e.unlabelled;
    out["micro_f1"] = s.micro_f1;
    out["macro_f1"] = s.macro_f1;
    out["accuracy"] = s.single_label ? s.accuracy : s.exact_match;
    out["exact_match"] = s.exact_match;
    if (s.single_label) out["kappa"] = s.kappa;
    out["per_label"] = nlohmann::ordered_json::object();
    for (const LabelScores& l : s.per_label) {
        out["per_label"][l.label] = {{"precision", l.precision}, {"recall", l.recall}, {"f1", l.f1},
                                     {"support", l.support},     {"kappa", l.kappa}};
    }
    return json_text(out);
}

std::string predictions_csv(const ModelEvaluation& e, const std::string& separator) {
    std::string out = csv_line({"row", "predicted"});
    for (std::size_t i = 0; i < e.predictions.size(); ++i) {
        std::string joined;
        for (const std::string& label : e.predictions[i]) joined += (joined.empty() ? "" : separator) + label;
        out += csv_line({std::to_string(i + 1), joined});
    }
    return out;
}

}  // namespace yousaid
