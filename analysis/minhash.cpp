#include "analysis/minhash.h"

#include <algorithm>
#include <limits>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

// SplitMix64's finaliser: a bijection on 64 bits that mixes every input bit.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// 64-bit FNV-1a over the bytes: the same value on every machine.
std::uint64_t fnv1a(const std::string& bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

bool is_apostrophe(UChar32 c) { return c == u'\'' || c == 0x2019; }

// The end of a redaction label starting at `open` ('['): just past its ']',
// or `open` when what follows is not letters and spaces closed by ']'.
int32_t label_end(const icu::UnicodeString& text, int32_t open) {
    int32_t i = open + 1;
    bool letters = false;
    while (i < text.length()) {
        UChar32 c = text.char32At(i);
        if (c == u']') return letters ? i + 1 : open;
        if (!u_isalpha(c) && c != u' ') return open;
        letters = letters || u_isalpha(c);
        i += U16_LENGTH(c);
    }
    return open;
}

}  // namespace

std::vector<std::string> comparison_words(const std::string& text) {
    icu::UnicodeString folded = icu::UnicodeString::fromUTF8(fold_case(text));
    std::vector<std::string> words;
    icu::UnicodeString word;
    auto finish = [&] {
        if (word.isEmpty()) return;
        words.emplace_back();
        word.toUTF8String(words.back());
        word.remove();
    };
    for (int32_t i = 0; i < folded.length();) {
        UChar32 c = folded.char32At(i);
        if (c == u'[') {
            int32_t end = label_end(folded, i);
            if (end != i) {
                finish();
                i = end;
                continue;
            }
        }
        i += U16_LENGTH(c);
        if (u_isalnum(c)) {
            word.append(c);
        } else if (!(is_apostrophe(c) && !word.isEmpty())) {
            finish();
        }
    }
    finish();
    return words;
}

std::vector<std::string> word_shingles(const std::string& text) { return word_shingles(comparison_words(text)); }

std::vector<std::string> word_shingles(const std::vector<std::string>& words) {
    std::vector<std::string> shingles;
    if (words.empty()) return shingles;
    if (words.size() < 3) {
        shingles.push_back(words[0] + (words.size() == 2 ? " " + words[1] : ""));
        return shingles;
    }
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        shingles.push_back(words[i] + " " + words[i + 1] + " " + words[i + 2]);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    return shingles;
}

namespace {

template <typename T>
double sorted_jaccard(const std::vector<T>& a, const std::vector<T>& b) {
    if (a.empty() && b.empty()) return 0.0;
    std::size_t common = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

}  // namespace

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) { return sorted_jaccard(a, b); }

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
    return sorted_jaccard(a, b);
}

std::vector<std::uint64_t> shingle_hashes(const std::vector<std::string>& shingles) {
    std::vector<std::uint64_t> hashes;
    hashes.reserve(shingles.size());
    for (const std::string& shingle : shingles) hashes.push_back(fnv1a(shingle));
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    return hashes;
}

std::vector<std::uint64_t> minhash_bands(const std::vector<std::string>& shingles) {
    return minhash_bands(shingle_hashes(shingles));
}

std::vector<std::uint64_t> minhash_bands(const std::vector<std::uint64_t>& shingle_hashes) {
    constexpr int kHashes = kMinHashBands * kMinHashRows;
    std::vector<std::uint64_t> bands;
    if (shingle_hashes.empty()) return bands;
    // Hash function i is mix(shingle hash ^ seed i), seeds drawn once from a fixed start.
    std::uint64_t seeds[kHashes];
    for (int i = 0; i < kHashes; ++i) seeds[i] = mix(0x5eed0000ULL + static_cast<std::uint64_t>(i));
    std::uint64_t minima[kHashes];
    std::fill(std::begin(minima), std::end(minima), std::numeric_limits<std::uint64_t>::max());
    for (std::uint64_t base : shingle_hashes) {
        for (int i = 0; i < kHashes; ++i) minima[i] = std::min(minima[i], mix(base ^ seeds[i]));
    }
    for (int band = 0; band < kMinHashBands; ++band) {
        std::uint64_t h = mix(static_cast<std::uint64_t>(band));
        for (int row = 0; row < kMinHashRows; ++row) h = mix(h ^ minima[band * kMinHashRows + row]);
        bands.push_back(h);
    }
    return bands;
}

}  // namespace yousaid
