#include "ingest/unicode_text.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace yousaid {

namespace {
std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}
}  // namespace

std::string to_nfc(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return utf8;
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(utf8);
    if (nfc->isNormalized(source, status) && U_SUCCESS(status) && is_valid_utf8(utf8)) return utf8;
    status = U_ZERO_ERROR;
    icu::UnicodeString normalised = nfc->normalize(source, status);
    return U_SUCCESS(status) ? to_utf8(normalised) : to_utf8(source);
}

bool is_valid_utf8(const std::string& bytes) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    int32_t length = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

std::string fold_case(const std::string& utf8) {
    return to_utf8(icu::UnicodeString::fromUTF8(utf8).foldCase());
}

namespace {

bool is_ascii(const std::string& bytes) {
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_ascii_letter_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// slug() of ASCII text, where folding is lower-casing and a letter or digit is
// [A-Za-z0-9]: the same result without ICU, which took a tenth of tagging's
// writing thread (the event and channel of every response).
std::string ascii_slug(const std::string& ascii) {
    std::string out;
    bool pending_hyphen = false;
    for (char c : ascii) {
        if (is_ascii_letter_or_digit(c)) {
            if (pending_hyphen && !out.empty()) out += '-';
            pending_hyphen = false;
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        } else if (c != '\'') {  // an apostrophe joins, as below
            pending_hyphen = true;
        }
    }
    return out;
}

}  // namespace

std::string slug(const std::string& utf8) {
    if (is_ascii(utf8)) return ascii_slug(utf8);
    icu::UnicodeString folded = icu::UnicodeString::fromUTF8(to_nfc(utf8)).foldCase();
    icu::UnicodeString out;
    bool pending_hyphen = false;
    for (int32_t i = 0; i < folded.length();) {
        UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        if (u_isalnum(c)) {
            if (pending_hyphen && !out.isEmpty()) out.append(u'-');
            pending_hyphen = false;
            out.append(c);
        } else if (c == u'\'' || c == 0x2019) {
            // "Sainsbury's" -> "sainsburys": an apostrophe joins, it does not split.
        } else {
            pending_hyphen = true;
        }
    }
    return to_utf8(out);
}

std::string trim(const std::string& utf8) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    int32_t start = 0, end = text.length();
    while (start < end && u_isUWhiteSpace(text.char32At(start))) start += U16_LENGTH(text.char32At(start));
    while (end > start) {
        int32_t before = text.moveIndex32(end, -1);
        if (!u_isUWhiteSpace(text.char32At(before))) break;
        end = before;
    }
    if (start == 0 && end == text.length()) return utf8;
    return to_utf8(text.tempSubStringBetween(start, end));
}

}  // namespace yousaid
