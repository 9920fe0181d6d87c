#pragma once
// A text classifier learned from labelled examples: one or more views of the
// text (tf-idf over word or character n-grams, text_features.h), each with a
// one-vs-rest linear classifier per label (linear_classifier.h); a label's
// score is the weighted mean of its views' decision values. Single-label
// models predict the label with the highest score plus its offset; multi-label
// models every label whose score passes its threshold (or else the best one).
// Offsets and thresholds are chosen on cross-validation folds of the training
// texts alone: for each fold the views are fitted on the rest, the fold is
// scored, and the choice maximises F1 (multi-label, per label) or macro-F1
// (single label) over those out-of-fold scores. Training is deterministic.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "analysis/linear_classifier.h"
#include "analysis/text_features.h"

namespace yousaid {

// Version 2 added FeatureSettings::mark_negation and stacking; version 1 files still load.
inline constexpr int kTextModelVersion = 2;

struct ViewSettings {
    FeatureSettings features;
    LinearSettings linear;
    double weight = 1.0;
};

struct TextModelSettings {
    bool multi_label = false;
    std::vector<ViewSettings> views;
    int folds = 3;         // for offsets and thresholds; 0 or 1: none (offsets 0, thresholds 0)
    // Single label, with folds: rather than averaged, the views' scores and
    // the first view's highest and lowest scores over the text's clauses
    // (clauses_of) are combined by a logistic regression per label, learned
    // on their out-of-fold scores; offsets are then chosen on the regression's
    // own out-of-fold scores (5 folds).
    bool stack = false;
    unsigned threads = 2;  // texts turned into features at once
    std::uint64_t seed = 1;  // how texts are dealt into folds

    // The settings `yousaid train` uses, measured on real NHS feedback (README,
    // Evaluation). For `polarity` labels (is_polarity_label), the word view
    // marks words after a negation (polarity's macro-F1 rose from 0.677 to
    // 0.689, while the theme tasks' fell by up to 0.009) and the views are
    // stacked.
    static TextModelSettings standard(bool multi_label, bool polarity = false);
};

struct LabelScore {
    std::string label;
    double score = 0;       // combined decision value
    double confidence = 0;  // logistic of the score's margin over the decision point, 0..1
};

class TextModel {
public:
    // Learns from texts[i] carrying labels[i] (exactly one each when single
    // label; possibly none when multi-label). Throws std::invalid_argument when
    // there is nothing to learn from (no text, or fewer than two labels when
    // single label).
    static TextModel train(const std::vector<std::string>& texts, const std::vector<std::vector<std::string>>& labels,
                           const TextModelSettings& settings);

    // The predicted labels, best first, each with its score and confidence.
    // A multi-label model gives every label past its threshold and, when none
    // is and `at_least_one`, the one nearest its threshold.
    std::vector<LabelScore> predict(const std::string& text, bool at_least_one = true) const;
    // Every label's score for a text, in labels() order.
    std::vector<double> scores(const std::string& text) const;

    const std::vector<std::string>& labels() const { return labels_; }
    bool multi_label() const { return multi_label_; }
    std::size_t training_texts() const { return training_texts_; }

    // The file: a header line "yousaid-model <version>\n", then binary data.
    void save(const std::string& path) const;
    // Throws std::runtime_error naming the file when it is not a model this
    // version can read.
    static TextModel load(const std::string& path);

private:
    struct View {
        TfidfVectoriser vectoriser;
        std::vector<float> weights;  // feature-major: weights[f * labels + k], so a text is one pass
        std::vector<float> biases;   // per label
        double weight = 1.0;
        void add_scores(const SparseVector& x, double scale, std::vector<double>& out) const;
    };
    // Standardises a text's stacking inputs, then scores each label by its own
    // logistic regression over them.
    struct Stacker {
        std::vector<double> mean, scale;
        std::vector<LinearScorer> by_label;
        std::vector<double> scores(const std::vector<double>& inputs) const;
        static Stacker fit(const std::vector<std::vector<double>>& inputs, const std::vector<std::size_t>& truth,
                           std::size_t labels);
    };
    // What the stacker sees of a text: each view's scores (unweighted), then
    // the first view's highest and lowest score for each label over the
    // text's clauses, given the views to score with.
    static std::vector<double> stack_inputs(const std::vector<View>& views, const std::string& text);
    static View fit_view(const ViewSettings& settings, const std::vector<std::string>& texts,
                         const std::vector<std::vector<bool>>& targets, unsigned threads);
    std::vector<LabelScore> decide(const std::vector<double>& scores, bool at_least_one) const;

    bool multi_label_ = false;
    std::vector<std::string> labels_;
    std::vector<View> views_;
    std::vector<double> cut_;  // per label: threshold (multi-label) or offset (single label)
    std::optional<Stacker> stacker_;
    std::size_t training_texts_ = 0;
};

// A text's clauses, for stacking: split at . ! ? ; , line breaks and the
// words "but", "however", "although", "though" and "except" (any case), each
// trimmed; pieces of fewer than 3 bytes are dropped, and a text with no
// clause left is one clause.
std::vector<std::string> clauses_of(const std::string& text);

// True for positive, mixed, negative or neutral (any case).
bool is_polarity_label(const std::string& label);

// True when every label of a single-label model is a polarity. `yousaid tag
// --model` then stores each response's polarity rather than themes.
bool is_polarity_model(const TextModel& model);

}  // namespace yousaid
