#pragma once
// How a model turns label scores into a decision, chosen on out-of-fold scores
// (text_model.h): a threshold per label for multi-label models, an offset per
// label for single-label ones.
#include <cstddef>
#include <vector>

namespace yousaid {

// The threshold t that maximises F1 of "score > t" against `truth`, midway
// between two neighbouring distinct scores (below the lowest when taking every
// row is best); above the highest score when no row is true.
double best_threshold(const std::vector<double>& score, const std::vector<bool>& truth);

// Macro-F1 of predicting, for each row, the label with the highest score +
// offset; truth[i] is row i's label index. Labels never true are left out.
double macro_f1(const std::vector<std::vector<double>>& score, const std::vector<std::size_t>& truth,
                const std::vector<double>& offset);

// Offsets added to each label's score before the argmax, by coordinate ascent
// on macro-F1: each label in turn tries -1.5 .. 1.5 in steps of 0.1, keeping a
// change only when it raises macro-F1; two passes.
std::vector<double> best_offsets(const std::vector<std::vector<double>>& score, const std::vector<std::size_t>& truth,
                                 std::size_t labels);

}  // namespace yousaid
