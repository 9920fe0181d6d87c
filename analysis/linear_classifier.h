#pragma once
// Binary linear classifiers (score = w . x + b) trained with liblinear's dual
// coordinate descent: L2-regularised logistic regression or L2-loss (squared
// hinge) SVM, the solvers scikit-learn's LinearSVC and LogisticRegression use.
// On tf-idf text they run 5-7 times faster than liblinear's primal Newton
// solvers for the same optimum. They visit examples in the order of the C
// library's rand(), so each training seeds it and holds a lock while it runs:
// a model is the same on every run, and trainings never run at once.
#include <cstdint>
#include <vector>

#include "analysis/text_features.h"

namespace yousaid {

enum class LinearLoss { logistic, squared_hinge };

struct LinearSettings {
    LinearLoss loss = LinearLoss::squared_hinge;
    double C = 1.0;         // inverse regularisation strength
    bool balanced = false;  // weigh each class by n / (2 * its count)
    double eps = 0.1;       // liblinear's stopping tolerance (its default for the dual solvers)
};

struct LinearScorer {
    std::vector<float> weights;  // by feature index
    float bias = 0;
    double score(const SparseVector& x) const;
};

// Rows in liblinear's form, built once and shared by every label trained on them.
class LinearProblem {
public:
    LinearProblem(const std::vector<SparseVector>& rows, std::size_t features);
    std::size_t rows() const { return row_start_.size(); }
    std::size_t features() const { return features_; }

    // Trains one classifier: `positive[i]` says whether row i is in the class.
    // A class no row (or every row) is in gets a scorer that always says no (yes).
    LinearScorer train(const std::vector<bool>& positive, const LinearSettings& settings) const;

    // Trains `targets.size()` classifiers, one after another.
    std::vector<LinearScorer> train_all(const std::vector<std::vector<bool>>& targets,
                                        const LinearSettings& settings) const;

private:
    struct Node {
        int index;
        double value;
    };  // liblinear's feature_node
    std::vector<Node> nodes_;
    std::vector<std::size_t> row_start_;
    std::size_t features_;
};

}  // namespace yousaid
