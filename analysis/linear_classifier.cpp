#include "analysis/linear_classifier.h"

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include <linear.h>

namespace yousaid {

namespace {

void silent(const char*) {}

}  // namespace

double LinearScorer::score(const SparseVector& x) const {
    double sum = bias;
    for (std::size_t i = 0; i < x.index.size(); ++i) {
        if (x.index[i] < weights.size()) sum += weights[x.index[i]] * x.value[i];
    }
    return sum;
}

LinearProblem::LinearProblem(const std::vector<SparseVector>& rows, std::size_t features) : features_(features) {
    static_assert(sizeof(Node) == sizeof(feature_node));
    static std::once_flag quiet;
    std::call_once(quiet, [] { set_print_string_function(silent); });
    for (const SparseVector& row : rows) {
        row_start_.push_back(nodes_.size());
        for (std::size_t i = 0; i < row.index.size(); ++i) nodes_.push_back({static_cast<int>(row.index[i]) + 1, row.value[i]});
        nodes_.push_back({static_cast<int>(features) + 1, 1.0});  // the bias feature, liblinear's way
        nodes_.push_back({-1, 0});
    }
}

LinearScorer LinearProblem::train(const std::vector<bool>& positive, const LinearSettings& settings) const {
    LinearScorer scorer;
    scorer.weights.assign(features_, 0.0f);
    const auto positives = static_cast<std::size_t>(std::count(positive.begin(), positive.end(), true));
    if (positives == 0 || positives == rows()) {
        scorer.bias = positives == 0 ? -1.0f : 1.0f;
        return scorer;
    }
    std::vector<double> y(rows());
    std::vector<feature_node*> x(rows());
    for (std::size_t i = 0; i < rows(); ++i) {
        y[i] = positive[i] ? 1.0 : -1.0;
        x[i] = const_cast<feature_node*>(reinterpret_cast<const feature_node*>(&nodes_[row_start_[i]]));
    }
    problem prob{};
    prob.l = static_cast<int>(rows());
    prob.n = static_cast<int>(features_) + 1;
    prob.y = y.data();
    prob.x = x.data();
    prob.bias = 1.0;
    int labels[2] = {1, -1};
    const double n = static_cast<double>(rows());
    double weights[2] = {n / (2.0 * positives), n / (2.0 * (rows() - positives))};
    parameter param{};
    param.solver_type = settings.loss == LinearLoss::logistic ? L2R_LR_DUAL : L2R_L2LOSS_SVC_DUAL;
    param.eps = settings.eps;
    param.C = settings.C;
    param.nr_weight = settings.balanced ? 2 : 0;
    param.weight_label = settings.balanced ? labels : nullptr;
    param.weight = settings.balanced ? weights : nullptr;
    static std::mutex one_at_a_time;  // liblinear's rand() is the process's
    std::lock_guard<std::mutex> lock(one_at_a_time);
    std::srand(1);
    model* m = ::train(&prob, &param);
    // liblinear's w is for its first class, the label of the first row.
    const double sign = m->label[0] == 1 ? 1.0 : -1.0;
    for (std::size_t f = 0; f < features_; ++f) scorer.weights[f] = static_cast<float>(sign * m->w[f]);
    scorer.bias = static_cast<float>(sign * m->w[features_]);
    free_and_destroy_model(&m);
    return scorer;
}

std::vector<LinearScorer> LinearProblem::train_all(const std::vector<std::vector<bool>>& targets,
                                                   const LinearSettings& settings) const {
    std::vector<LinearScorer> out;
    for (const std::vector<bool>& target : targets) out.push_back(train(target, settings));
    return out;
}

}  // namespace yousaid
