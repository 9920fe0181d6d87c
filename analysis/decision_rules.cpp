#include "analysis/decision_rules.h"

#include <algorithm>
#include <numeric>

namespace yousaid {

double best_threshold(const std::vector<double>& score, const std::vector<bool>& truth) {
    std::vector<std::size_t> order(score.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    const double positives = static_cast<double>(std::count(truth.begin(), truth.end(), true));
    if (positives == 0 || order.empty()) return order.empty() ? 0.0 : score[order[0]] + 1;
    double best_f1 = 0, best = score[order[0]] + 1, true_positives = 0;
    for (std::size_t r = 0; r < order.size(); ++r) {
        if (truth[order[r]]) ++true_positives;
        if (r + 1 < order.size() && score[order[r + 1]] == score[order[r]]) continue;
        const double f1 = 2 * true_positives / (static_cast<double>(r + 1) + positives);
        if (f1 > best_f1) {
            best_f1 = f1;
            best = r + 1 < order.size() ? (score[order[r]] + score[order[r + 1]]) / 2 : score[order[r]] - 1;
        }
    }
    return best;
}

double macro_f1(const std::vector<std::vector<double>>& score, const std::vector<std::size_t>& truth,
                const std::vector<double>& offset) {
    const std::size_t k = offset.size();
    std::vector<double> tp(k, 0), predicted(k, 0), actual(k, 0);
    for (std::size_t i = 0; i < score.size(); ++i) {
        std::size_t best = 0;
        for (std::size_t j = 1; j < k; ++j) {
            if (score[i][j] + offset[j] > score[i][best] + offset[best]) best = j;
        }
        ++predicted[best];
        ++actual[truth[i]];
        if (best == truth[i]) ++tp[best];
    }
    double sum = 0;
    int labels = 0;
    for (std::size_t j = 0; j < k; ++j) {
        if (actual[j] == 0) continue;
        sum += 2 * tp[j] / (predicted[j] + actual[j]);
        ++labels;
    }
    return labels == 0 ? 0 : sum / labels;
}

std::vector<double> best_offsets(const std::vector<std::vector<double>>& score, const std::vector<std::size_t>& truth,
                                 std::size_t labels) {
    std::vector<double> offset(labels, 0.0);
    double best = macro_f1(score, truth, offset);
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t j = 0; j < labels; ++j) {
            for (int step = -15; step <= 15; ++step) {
                std::vector<double> trial = offset;
                trial[j] = step / 10.0;
                const double f = macro_f1(score, truth, trial);
                if (f > best + 1e-12) best = f, offset = trial;
            }
        }
    }
    return offset;
}

}  // namespace yousaid
