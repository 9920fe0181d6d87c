#pragma once
// How well predicted labels agree with an analyst's: per label precision,
// recall, F1, support and Cohen's kappa, and over all labels micro-F1,
// macro-F1, accuracy and exact match. Definitions (those of scikit-learn's
// precision_recall_fscore_support and cohen_kappa_score):
//  - per label, over every row, from the 2x2 table of true (T) and predicted (P):
//    precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN), each 0
//    when its denominator is 0; support = TP+FN (rows truly carrying it);
//    kappa = (po - pe)/(1 - pe) with po = (TP+TN)/N and
//    pe = ((TP+FP)(TP+FN) + (TN+FN)(TN+FP))/N^2, 0 when pe = 1.
//  - micro-F1 = 2 sum TP / (2 sum TP + sum FP + sum FN) over every label;
//  - macro-F1 = the unweighted mean F1 of the labels with support > 0;
//  - exact match = share of rows whose predicted set equals the true set;
//    accuracy (single label) = share of rows whose one prediction is right,
//    and kappa over all classes from the k x k confusion table.
#include <string>
#include <vector>

namespace yousaid {

struct LabelScores {
    std::string label;
    int true_positives = 0, false_positives = 0, false_negatives = 0, true_negatives = 0;
    double precision = 0, recall = 0, f1 = 0, kappa = 0;
    int support = 0;
};

struct ClassificationScores {
    bool single_label = false;
    int rows = 0;
    std::vector<LabelScores> per_label;  // every label seen in truth or predictions, sorted
    double micro_f1 = 0, macro_f1 = 0, exact_match = 0;
    double accuracy = 0;  // single label only
    double kappa = 0;     // single label only: over all classes
};

// truth[i] and predicted[i] are the label sets of row i (one label each when
// `single_label`). Rows are matched by position; the vectors must be as long.
ClassificationScores score_classification(const std::vector<std::vector<std::string>>& truth,
                                          const std::vector<std::vector<std::string>>& predicted, bool single_label);

}  // namespace yousaid
