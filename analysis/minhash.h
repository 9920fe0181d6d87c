#pragma once
// Word shingles, their exact Jaccard similarity, and MinHash signatures banded
// for locality-sensitive hashing: the text side of campaigns (campaigns.h).
// Every hash is computed here from fixed seeds, so signatures, and the band terms
// stored from them, are the same on every run and machine.
#include <cstdint>
#include <string>
#include <vector>

namespace yousaid {

// The words of a text for comparison: case-folded (ICU full folding), runs of
// letters and digits, an apostrophe joining ("don't" -> "dont"), every bracketed
// redaction label ("[phone]", "[NHS number]") left out.
std::vector<std::string> comparison_words(const std::string& text);

// The set of word 3-shingles ("a b c"), sorted and unique. A text of one or two
// words is its single shingle of all its words; a text without words has none.
std::vector<std::string> word_shingles(const std::string& text);
std::vector<std::string> word_shingles(const std::vector<std::string>& words);

// Each shingle as a 64-bit hash (FNV-1a of its bytes), sorted and unique: what
// linking compares and keeps, at 8 bytes a shingle. Two different shingles share
// a hash with a chance of about 2^-64.
std::vector<std::uint64_t> shingle_hashes(const std::vector<std::string>& shingles);

// |a ∩ b| / |a ∪ b| of two sorted, unique sets; 0 when both are empty.
double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);
double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

// 20 bands of 5 rows (100 hash functions). A pair with Jaccard similarity s
// shares at least one band with probability 1 - (1 - s^5)^20:
//   s = 0.9: 1 - 1.8e-8 (one pair in 55 million missed)
//   s = 0.8: 0.9996
//   s = 0.5: 0.47, s = 0.3: 0.047 (candidates checked exactly, then dropped)
// Five rows rather than three keep the unrelated-but-similar candidates few
// (at s = 0.5, 0.47 instead of 0.93) while the miss rate at 0.9 stays negligible.
inline constexpr int kMinHashBands = 20;
inline constexpr int kMinHashRows = 5;

// One 64-bit hash per band of the shingles' MinHash signature; empty when there
// are no shingles. The same for a set of shingles and for its shingle_hashes().
std::vector<std::uint64_t> minhash_bands(const std::vector<std::string>& shingles);
std::vector<std::uint64_t> minhash_bands(const std::vector<std::uint64_t>& shingle_hashes);

}  // namespace yousaid
