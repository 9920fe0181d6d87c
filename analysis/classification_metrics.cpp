#include "analysis/classification_metrics.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace yousaid {

namespace {

double ratio(double numerator, double denominator) { return denominator == 0 ? 0.0 : numerator / denominator; }

// Cohen's kappa from a square table of counts, truth by row, prediction by column.
double kappa_of(const std::vector<std::vector<double>>& table) {
    double n = 0, agree = 0, chance = 0;
    const std::size_t k = table.size();
    std::vector<double> row_sum(k, 0), column_sum(k, 0);
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            n += table[i][j];
            row_sum[i] += table[i][j];
            column_sum[j] += table[i][j];
        }
        agree += table[i][i];
    }
    if (n == 0) return 0;
    for (std::size_t i = 0; i < k; ++i) chance += row_sum[i] * column_sum[i];
    const double po = agree / n, pe = chance / (n * n);
    return pe == 1 ? 0.0 : (po - pe) / (1 - pe);
}

}  // namespace

ClassificationScores score_classification(const std::vector<std::vector<std::string>>& truth,
                                          const std::vector<std::vector<std::string>>& predicted, bool single_label) {
    if (truth.size() != predicted.size()) throw std::invalid_argument("truth and predictions differ in length");
    ClassificationScores s;
    s.single_label = single_label;
    s.rows = static_cast<int>(truth.size());
    std::set<std::string> labels;
    for (const auto& row : truth) labels.insert(row.begin(), row.end());
    for (const auto& row : predicted) labels.insert(row.begin(), row.end());
    std::map<std::string, std::size_t> position;
    for (const std::string& label : labels) {
        position[label] = s.per_label.size();
        s.per_label.push_back({label});
    }
    const std::size_t k = labels.size();
    std::vector<std::vector<double>> confusion(k, std::vector<double>(k, 0));
    int exact = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        std::set<std::string> t(truth[i].begin(), truth[i].end()), p(predicted[i].begin(), predicted[i].end());
        if (t == p) ++exact;
        for (LabelScores& l : s.per_label) {
            const bool in_t = t.count(l.label) != 0, in_p = p.count(l.label) != 0;
            if (in_t && in_p) ++l.true_positives;
            else if (in_p) ++l.false_positives;
            else if (in_t) ++l.false_negatives;
            else ++l.true_negatives;
        }
        if (single_label && truth[i].size() == 1 && predicted[i].size() == 1) {
            ++confusion[position[truth[i][0]]][position[predicted[i][0]]];
        }
    }
    double tp = 0, fp = 0, fn = 0, f1_sum = 0;
    int supported = 0;
    for (LabelScores& l : s.per_label) {
        l.support = l.true_positives + l.false_negatives;
        l.precision = ratio(l.true_positives, l.true_positives + l.false_positives);
        l.recall = ratio(l.true_positives, l.support);
        l.f1 = ratio(2.0 * l.true_positives, 2.0 * l.true_positives + l.false_positives + l.false_negatives);
        l.kappa = kappa_of({{double(l.true_negatives), double(l.false_positives)},
                            {double(l.false_negatives), double(l.true_positives)}});
        tp += l.true_positives;
        fp += l.false_positives;
        fn += l.false_negatives;
        if (l.support > 0) {
            f1_sum += l.f1;
            ++supported;
        }
    }
    s.micro_f1 = ratio(2 * tp, 2 * tp + fp + fn);
    s.macro_f1 = ratio(f1_sum, supported);
    s.exact_match = ratio(exact, s.rows);
    if (single_label) {
        s.accuracy = s.exact_match;
        s.kappa = kappa_of(confusion);
    }
    return s;
}

}  // namespace yousaid
