#pragma once
// What a learned model sees of a text: word n-grams and character n-grams,
// weighted by tf-idf. Text is NFC-normalised and case-folded (ICU); words are
// ICU word-break segments holding a letter or digit; character n-grams are
// taken inside each white-space-separated token padded with one space either
// side ("cat" -> " ca", "cat", "at "), punctuation included. Words may be
// marked as negated (FeatureSettings::mark_negation). Each feature is a
// 64-bit hash of its kind and code points, so no n-gram string is ever built;
// the vocabulary is the set of hashes met in training.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "analysis/feature_index.h"

namespace yousaid {

struct FeatureSettings {
    int word_min = 1, word_max = 2;  // word n-gram lengths; word_max 0: no word features
    int char_min = 2, char_max = 5;  // character n-gram lengths; char_max 0: none
    int min_df = 1;                  // a feature must occur in this many training texts
    bool sublinear_tf = true;        // tf -> 1 + ln(tf)
    // Words after a negation ("not", "no", "never", "without", a word ending
    // in "n't"...) up to the next punctuation are other words: "not helpful"
    // gives "not" and a negated "helpful", so "helpful" says praise alone.
    bool mark_negation = false;
};

// The feature hashes of a text, with repeats (one per occurrence).
std::vector<std::uint64_t> feature_hashes(const std::string& text, const FeatureSettings& settings);

// A text as features: indices (0-based, each once) and L2-normalised weights.
struct SparseVector {
    std::vector<std::uint32_t> index;
    std::vector<float> value;
};

// tf-idf over a vocabulary learned from training texts, with scikit-learn's
// smoothed idf: ln((1 + n) / (1 + df)) + 1.
class TfidfVectoriser {
public:
    TfidfVectoriser() = default;
    explicit TfidfVectoriser(FeatureSettings settings) : settings_(settings) {}

    // Learns the vocabulary and idf from `texts`, and returns their vectors,
    // indices ascending; the texts are hashed on up to `threads` threads.
    std::vector<SparseVector> fit_transform(const std::vector<std::string>& texts, unsigned threads = 1);
    // A text's vector, its features in the order first met: a linear model's
    // score needs no order, and sorting them took a tenth of predicting.
    SparseVector transform(const std::string& text) const;

    std::size_t size() const { return idf_.size(); }
    const FeatureSettings& settings() const { return settings_; }

    void save(std::ostream& out) const;
    // Throws std::runtime_error when malformed. Model files before version 2
    // have no mark_negation.
    static TfidfVectoriser load(std::istream& in, int model_version);

private:
    enum class Order { ascending, as_met };
    SparseVector weigh(const std::vector<std::uint64_t>& hashes, Order order) const;

    FeatureSettings settings_;
    std::vector<std::uint64_t> hashes_;                       // feature index -> hash
    std::vector<float> idf_;                                  // feature index -> idf
    FeatureIndex index_;                                      // hash -> feature index
};

}  // namespace yousaid
