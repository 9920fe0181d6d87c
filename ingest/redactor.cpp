#include "ingest/redactor.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace yousaid {

namespace {

// Returns the replacement for a match, or nothing to keep the match as it is.
using Replacer = std::function<std::optional<icu::UnicodeString>(const icu::RegexMatcher&)>;

// The patterns are compiled once; each call makes its own matcher, so redact()
// can run on several threads.
struct Pattern {
    std::unique_ptr<icu::RegexPattern> compiled;
    explicit Pattern(const char* source) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError where;
        compiled.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source), where, status));
        if (U_FAILURE(status)) throw std::logic_error(std::string("bad redaction pattern: ") + source);
    }
};

int replace_all(icu::UnicodeString& text, const Pattern& pattern, const Replacer& replace) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(pattern.compiled->matcher(text, status));
    if (U_FAILURE(status)) return 0;
    icu::UnicodeString out;
    int32_t copied = 0;
    int replaced = 0;
    while (matcher->find(status) && U_SUCCESS(status)) {
        auto replacement = replace(*matcher);
        if (!replacement) continue;
        int32_t start = matcher->start(status), end = matcher->end(status);
        out.append(text, copied, start - copied).append(*replacement);
        copied = end;
        ++replaced;
    }
    if (replaced == 0) return 0;
    out.append(text, copied, text.length() - copied);
    text = out;
    return replaced;
}

icu::UnicodeString group_text(const icu::RegexMatcher& m, int group) {
    UErrorCode status = U_ZERO_ERROR;
    return m.group(group, status);
}

Replacer label(const char* text) {
    icu::UnicodeString replacement = icu::UnicodeString::fromUTF8(text);
    return [replacement](const icu::RegexMatcher&) { return std::optional(replacement); };
}

// Keeps capture group 1 (a cue or a district) and labels the rest.
Replacer keep_first_group(const char* text) {
    icu::UnicodeString suffix = icu::UnicodeString::fromUTF8(text);
    return [suffix](const icu::RegexMatcher& m) {
        return std::optional(group_text(m, 1) + suffix);
    };
}

const Pattern& email_pattern() {
    static const Pattern p(R"([\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,})");
    return p;
}
const Pattern& nhs_number_pattern() {
    static const Pattern p(R"((?<![\p{N}+])(\d{3})[ \-]?(\d{3})[ \-]?(\d{4})(?!\p{N}))");
    return p;
}
const Pattern& phone_pattern() {
    // 0 or +44 (optionally "(0)"), then 9 or 10 more digits in any spacing.
    static const Pattern p(R"((?<![\p{N}\p{L}])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s\-)]{0,2}\d){8,9}(?!\p{N}))");
    return p;
}
const Pattern& postcode_pattern() {
    static const Pattern p(R"((?<![\p{L}\p{N}])((?i:[A-Z]{1,2}\d[A-Z\d]?))\s*(?i:\d[A-Z]{2})(?![\p{L}\p{N}]))");
    return p;
}
const Pattern& named_cue_pattern() {
    // The cue keeps its own case; the name must start with a capital letter.
    static const Pattern p(
        R"(((?i:\bmy name is|\bi am called|\bi'm called|\bi’m called|\bcalled me)\s+)\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+)?)");
    return p;
}
const Pattern& introduced_name_pattern() {
    // "I'm Linda Salt": a first name and a surname, so "I'm Very tired" is left alone
    // only when the second word is not capitalised.
    static const Pattern p(R"(((?i:\bi'm|\bi’m|\bi am)\s+)\p{Lu}\p{Ll}+\s+\p{Lu}[\p{L}'’\-]+)");
    return p;
}
const Pattern& titled_name_pattern() {
    static const Pattern p(
        R"((\b(?:Dr|Mr|Mrs|Ms|Miss|Doctor|Nurse|nurse)\.?\s+)\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+)?)");
    return p;
}

// What a text holds that each pattern needs, found without ICU: most
// responses have no digit, no '@' and no cue, and skipping the patterns that
// cannot match took 5 s of CPU off ingesting 100,000 bench responses (of about
// 60 s). Each check is exact: a pattern
// skipped could not have matched. Counts of ASCII digits and ASCII words found
// case-insensitively decide only for plain text (see below), as ICU's \d is
// any script's digit and its case-insensitive matching folds a few other
// letters to ASCII ones (the Kelvin sign to k); the literal '@' and the
// case-sensitive titles decide for any text.
class PatternNeeds {
public:
    explicit PatternNeeds(std::string_view utf8) : plain_(is_plain(utf8)) {
        email_ = utf8.find('@') != std::string_view::npos;
        titled_ = holds_any(utf8, {"Dr", "Mr", "Ms", "Miss", "Doctor", "Nurse", "nurse"});
        if (!plain_) return;  // every other pattern is tried
        std::string lower;
        lower.reserve(utf8.size());
        for (char c : utf8) {
            digits_ += c >= '0' && c <= '9';
            lower += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        cue_ = holds_any(lower, {"name is", "called"});
        introduced_ = holds_any(lower, {"i'm", "i\u2019m", "i am"});
    }

    bool email() const { return email_; }
    bool digits(int at_least) const { return !plain_ || digits_ >= at_least; }
    bool named_cue() const { return !plain_ || cue_; }
    bool introduced_name() const { return !plain_ || introduced_; }
    bool titled_name() const { return titled_; }
    // False only for plain text.
    bool any() const {
        return email() || digits(2) || named_cue() || introduced_name() || titled_name();
    }

private:
    // ASCII, with only the marks typed in feedback from U+0080-U+00BF (no-break
    // space, pound sign, degree, guillemets) and U+2000-U+203F (curly quotes,
    // dashes, ellipsis), as well-formed UTF-8: none is a digit, and none folds
    // to an ASCII letter.
    static bool is_plain(std::string_view s) {
        auto continuation = [&](std::size_t i) { return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80; };
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c < 0x80) continue;
            if (c == 0xC2 && continuation(i + 1)) {
                i += 1;
            } else if (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 && continuation(i + 2)) {
                i += 2;
            } else {
                return false;
            }
        }
        return true;
    }
    static bool holds_any(std::string_view s, std::initializer_list<std::string_view> words) {
        for (std::string_view w : words) {
            if (s.find(w) != std::string_view::npos) return true;
        }
        return false;
    }

    bool plain_;
    int digits_ = 0;
    bool email_ = false, titled_ = false, cue_ = false, introduced_ = false;
};

}  // namespace

RedactionCounts& RedactionCounts::operator+=(const RedactionCounts& other) {
    emails += other.emails;
    phone_numbers += other.phone_numbers;
    nhs_numbers += other.nhs_numbers;
    postcodes += other.postcodes;
    names += other.names;
    return *this;
}

bool is_valid_nhs_number(const std::string& digits) {
    if (digits.size() != 10) return false;
    int sum = 0;
    for (int i = 0; i < 9; ++i) {
        if (digits[i] < '0' || digits[i] > '9') return false;
        sum += (digits[i] - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    return check != 10 && check == digits[9] - '0';
}

Redaction redact(const std::string& utf8) {
    const PatternNeeds needs(utf8);
    Redaction result;
    if (!needs.any()) {
        result.text = utf8;  // plain, so well-formed UTF-8: as ICU would give it back
        return result;
    }
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    RedactionCounts counts;
    if (needs.email()) counts.emails = replace_all(text, email_pattern(), label("[email]"));
    // An NHS number and a phone number each have at least 10 digits, a postcode 2.
    if (needs.digits(10)) {
        counts.nhs_numbers = replace_all(text, nhs_number_pattern(), [](const icu::RegexMatcher& m) {
            std::string digits;
            (group_text(m, 1) + group_text(m, 2) + group_text(m, 3)).toUTF8String(digits);
            if (!is_valid_nhs_number(digits)) return std::optional<icu::UnicodeString>();
            return std::optional(icu::UnicodeString::fromUTF8("[NHS number]"));
        });
        counts.phone_numbers = replace_all(text, phone_pattern(), label("[phone]"));
    }
    if (needs.digits(2)) counts.postcodes = replace_all(text, postcode_pattern(), keep_first_group(" [postcode]"));
    if (needs.named_cue()) counts.names += replace_all(text, named_cue_pattern(), keep_first_group("[name]"));
    if (needs.introduced_name()) counts.names += replace_all(text, introduced_name_pattern(), keep_first_group("[name]"));
    if (needs.titled_name()) counts.names += replace_all(text, titled_name_pattern(), keep_first_group("[name]"));
    text.toUTF8String(result.text);
    result.counts = counts;
    return result;
}

}  // namespace yousaid
