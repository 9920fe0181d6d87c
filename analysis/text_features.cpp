#include "analysis/text_features.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "analysis/binary_io.h"
#include "analysis/parallel_for.h"

namespace yousaid {

namespace {

constexpr std::uint64_t kOffset = 1469598103934665603ULL, kPrime = 1099511628211ULL;

// splitmix64's finaliser: spreads FNV's low-entropy high bits.
std::uint64_t finish(std::uint64_t h) {
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

std::uint64_t step(std::uint64_t h, std::uint64_t x) { return (h ^ x) * kPrime; }

icu::UnicodeString folded(const std::string& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    if (U_SUCCESS(status)) u = nfc->normalize(u, status);
    return u.foldCase();
}

bool is_negation(const icu::UnicodeString& word) {
    static const std::vector<icu::UnicodeString> cues = {
        u"not", u"no", u"never", u"cannot", u"nothing", u"nobody", u"none", u"nor", u"neither", u"without", u"hardly"};
    return std::find(cues.begin(), cues.end(), word) != cues.end() || word.endsWith(u"n't") ||
           word.endsWith(u"n\u2019t");
}

// Whether a segment between words ends a negation's reach: punctuation that
// ends a clause, or a line break.
bool ends_clause(const icu::UnicodeString& text, int32_t start, int32_t end) {
    static const icu::UnicodeString stops(u".,!?;:()\n");
    for (int32_t i = start; i < end; ++i) {
        if (stops.indexOf(text.charAt(i)) >= 0) return true;
    }
    return false;
}

constexpr std::uint64_t kNegated = 0x4e4547;  // mixed into a negated word's hash

// Word hashes, in order: ICU word segments holding a letter or digit, each
// marked as negated when `mark_negation` and a negation came before it in its
// clause.
std::vector<std::uint64_t> word_hashes(const icu::UnicodeString& text, bool mark_negation) {
    thread_local std::unique_ptr<icu::BreakIterator> words;
    UErrorCode status = U_ZERO_ERROR;
    if (!words) words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getUK(), status));
    if (!words || U_FAILURE(status)) throw std::runtime_error("ICU has no word break iterator");
    words->setText(text);
    std::vector<std::uint64_t> out;
    bool negated = false;
    for (int32_t start = words->first(), end = words->next(); end != icu::BreakIterator::DONE;
         start = end, end = words->next()) {
        if (words->getRuleStatus() < UBRK_WORD_NUMBER) {  // spaces and punctuation
            if (negated && ends_clause(text, start, end)) negated = false;
            continue;
        }
        std::uint64_t h = kOffset;
        for (int32_t i = start; i < end; ++i) h = step(h, text.charAt(i));
        out.push_back(negated ? step(h, kNegated) : h);
        if (mark_negation && !negated) negated = is_negation(text.tempSubStringBetween(start, end));
    }
    return out;
}

}  // namespace

std::vector<std::uint64_t> feature_hashes(const std::string& text, const FeatureSettings& s) {
    const icu::UnicodeString u = folded(text);
    std::vector<std::uint64_t> out;
    if (s.word_max > 0) {
        const std::vector<std::uint64_t> words = word_hashes(u, s.mark_negation);
        for (std::size_t i = 0; i < words.size(); ++i) {
            std::uint64_t h = kOffset;
            for (int n = 1; n <= s.word_max && i + n <= words.size(); ++n) {
                h = step(h, words[i + n - 1]);
                if (n >= s.word_min) out.push_back(finish(step(h, 0x100 + n)));
            }
        }
    }
    if (s.char_max > 0) {
        std::vector<UChar32> token{' '};
        auto emit = [&] {
            token.push_back(' ');
            for (std::size_t i = 0; i < token.size(); ++i) {
                std::uint64_t h = kOffset;
                for (int n = 1; n <= s.char_max && i + n <= token.size(); ++n) {
                    h = step(h, static_cast<std::uint64_t>(token[i + n - 1]));
                    if (n >= s.char_min) out.push_back(finish(step(h, 0x200 + n)));
                }
            }
            token.assign(1, ' ');
        };
        for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
            const UChar32 c = u.char32At(i);
            if (u_isUWhiteSpace(c)) {
                if (token.size() > 1) emit();
            } else {
                token.push_back(c);
            }
        }
        if (token.size() > 1) emit();
    }
    return out;
}

std::vector<SparseVector> TfidfVectoriser::fit_transform(const std::vector<std::string>& texts, unsigned threads) {
    std::vector<std::vector<std::uint64_t>> hashes(texts.size());
    parallel_for(texts.size(), threads, [&](std::size_t i) { hashes[i] = feature_hashes(texts[i], settings_); });
    std::unordered_map<std::uint64_t, std::uint32_t> df;
    for (const auto& h : hashes) {
        std::vector<std::uint64_t> unique = h;
        std::sort(unique.begin(), unique.end());
        unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
        for (std::uint64_t x : unique) ++df[x];
    }
    hashes_.clear();
    for (const auto& [hash, count] : df) {
        if (static_cast<int>(count) >= settings_.min_df) hashes_.push_back(hash);
    }
    std::sort(hashes_.begin(), hashes_.end());
    idf_.clear();
    const double n = static_cast<double>(texts.size());
    for (std::uint64_t hash : hashes_) idf_.push_back(static_cast<float>(std::log((1 + n) / (1 + df[hash])) + 1));
    index_ = FeatureIndex(hashes_);
    std::vector<SparseVector> out(texts.size());
    parallel_for(texts.size(), threads, [&](std::size_t i) { out[i] = weigh(hashes[i], Order::ascending); });
    return out;
}

SparseVector TfidfVectoriser::transform(const std::string& text) const {
    return weigh(feature_hashes(text, settings_), Order::as_met);
}

SparseVector TfidfVectoriser::weigh(const std::vector<std::uint64_t>& hashes, Order order) const {
    // Occurrences counted by feature index (each count zero again before
    // returning), so that only the distinct features are sorted, if at all.
    thread_local std::vector<std::uint32_t> counts;
    if (counts.size() < idf_.size()) counts.resize(idf_.size());
    std::vector<std::uint32_t> found;
    constexpr std::size_t kAhead = 16;
    for (std::size_t i = 0; i < std::min(kAhead, hashes.size()); ++i) index_.prefetch(hashes[i]);
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        if (i + kAhead < hashes.size()) index_.prefetch(hashes[i + kAhead]);
        const std::uint32_t f = index_.find(hashes[i]);
        if (f != FeatureIndex::kAbsent && counts[f]++ == 0) found.push_back(f);
    }
    if (order == Order::ascending) std::sort(found.begin(), found.end());
    SparseVector v;
    v.index = std::move(found);
    v.value.reserve(v.index.size());
    double norm = 0;
    for (std::uint32_t i : v.index) {
        const double tf = counts[i];
        counts[i] = 0;
        const double w = (settings_.sublinear_tf ? 1 + std::log(tf) : tf) * idf_[i];
        v.value.push_back(static_cast<float>(w));
        norm += w * w;
    }
    if (norm > 0) {
        const float scale = static_cast<float>(1 / std::sqrt(norm));
        for (float& x : v.value) x *= scale;
    }
    return v;
}

void TfidfVectoriser::save(std::ostream& out) const {
    using namespace binary_io;
    write_value<std::int32_t>(out, settings_.word_min);
    write_value<std::int32_t>(out, settings_.word_max);
    write_value<std::int32_t>(out, settings_.char_min);
    write_value<std::int32_t>(out, settings_.char_max);
    write_value<std::int32_t>(out, settings_.min_df);
    write_value<std::int32_t>(out, settings_.sublinear_tf ? 1 : 0);
    write_value<std::int32_t>(out, settings_.mark_negation ? 1 : 0);
    write_vector(out, hashes_);
    write_vector(out, idf_);
}

TfidfVectoriser TfidfVectoriser::load(std::istream& in, int model_version) {
    using namespace binary_io;
    FeatureSettings s;
    s.word_min = read_value<std::int32_t>(in);
    s.word_max = read_value<std::int32_t>(in);
    s.char_min = read_value<std::int32_t>(in);
    s.char_max = read_value<std::int32_t>(in);
    s.min_df = read_value<std::int32_t>(in);
    s.sublinear_tf = read_value<std::int32_t>(in) != 0;
    if (model_version >= 2) s.mark_negation = read_value<std::int32_t>(in) != 0;
    TfidfVectoriser v(s);
    v.hashes_ = read_vector<std::uint64_t>(in);
    v.idf_ = read_vector<float>(in);
    if (v.hashes_.size() != v.idf_.size()) throw std::runtime_error("the model file is damaged");
    v.index_ = FeatureIndex(v.hashes_);
    return v;
}

}  // namespace yousaid
