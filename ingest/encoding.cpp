#include "ingest/encoding.h"

#include <memory>
#include <string_view>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace yousaid {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr const char* kSaveAsUtf8 = "save the file as UTF-8";

struct Conversion {
    std::string utf8;
    std::optional<std::size_t> error_offset;  // of the first bad byte, when stopping at it
};

// `bytes` in encoding `name` as UTF-8 through an ICU converter. With
// `stop_at_error`, conversion ends at the first malformed sequence and reports
// its offset; otherwise malformed sequences become U+FFFD.
Conversion convert(const char* name, std::string_view bytes, bool stop_at_error) {
    Conversion result;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(name, &status), &ucnv_close);
    if (U_FAILURE(status)) {
        result.error_offset = 0;
        return result;
    }
    if (stop_at_error)
        ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    // Neither UTF-16 nor a single-byte code page yields more code units than bytes.
    std::u16string units(bytes.size() + 1, u'\0');
    UChar* target = units.data();
    const char* source = bytes.data();
    ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source,
                   bytes.data() + bytes.size(), nullptr, true, &status);
    if (U_FAILURE(status)) {
        char invalid[32];
        int8_t invalid_length = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter.get(), invalid, &invalid_length, &ignored);
        result.error_offset = static_cast<std::size_t>(source - bytes.data()) -
                              static_cast<std::size_t>(U_SUCCESS(ignored) ? invalid_length : 0);
    }
    icu::UnicodeString(false, units.data(), static_cast<int32_t>(target - units.data()))
        .toUTF8String(result.utf8);
    return result;
}

// The length of the well-formed UTF-8 sequence at `at`, or 0 when it is malformed.
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t at) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    int32_t i = static_cast<int32_t>(at);
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(bytes.size()), c);
    return c < 0 ? 0 : static_cast<std::size_t>(i) - at;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = utf8_sequence_length(bytes, i);
        if (length == 0) return i;
        i += length;
    }
    return std::nullopt;
}

std::string hex_byte(unsigned char c) {
    static const char digits[] = "0123456789ABCDEF";
    return std::string("0x") + digits[c >> 4] + digits[c & 0xF];
}

// An error at byte `offset` of `text`, which may hold bytes that are not UTF-8:
// the column counts characters of the line as printed.
DecodedText error_at(const std::string& file_name, std::string_view text, std::size_t offset,
                     const std::string& message) {
    const LinePosition position = locate(std::string(text), offset);
    const std::size_t line_start = offset == 0 ? 0 : text.rfind('\n', offset - 1) + 1;  // npos + 1 == 0
    const int column = 1 + static_cast<int>(printable_characters(text.substr(line_start, offset - line_start)).size());
    DecodedText decoded;
    decoded.error = Diagnostic{{file_name, position.line, column}, message, position.text};
    return decoded;
}

std::string byte_message(std::string_view bytes, std::size_t offset, const std::string& what) {
    return "byte " + hex_byte(static_cast<unsigned char>(bytes[offset])) + " at offset " +
           std::to_string(offset) + " is not " + what;
}

bool undefined_in_windows_1252(unsigned char c) {
    return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

bool is_c0_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\r' && c != '\n'; }

// What stops bytes that are not UTF-8 from being read as Windows-1252.
struct Windows1252Fit {
    bool defined = true;  // no byte that Windows-1252 leaves undefined, anywhere
    bool no_controls = true;  // no C0 control other than tab, CR and LF
    // The first byte, outside well-formed UTF-8 sequences, that is undefined in
    // Windows-1252 or a control: a byte that is text in neither encoding.
    std::optional<std::size_t> first_in_neither;
};

Windows1252Fit check_windows_1252(std::string_view bytes) {
    Windows1252Fit fit;
    for (std::size_t i = 0; i < bytes.size();) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        const std::size_t length = utf8_sequence_length(bytes, i);
        const bool undefined = undefined_in_windows_1252(c);
        const bool control = is_c0_control(c);
        if (undefined) fit.defined = false;
        if (control) fit.no_controls = false;
        if ((undefined && length == 0) || control) {
            if (!fit.first_in_neither) fit.first_in_neither = i;
        }
        for (std::size_t k = 1; k < length; ++k)
            if (undefined_in_windows_1252(static_cast<unsigned char>(bytes[i + k]))) fit.defined = false;
        i += length == 0 ? 1 : length;
    }
    return fit;
}

// Whether bytes that are not UTF-8 look like text written in Windows-1252: few
// bytes above 0x7F, and those alone or in short runs (accented letters and curly
// quotes between ASCII), not long runs as in binary data or another encoding.
bool looks_like_windows_1252_text(std::string_view bytes) {
    constexpr std::size_t kLongestHighRun = 3;
    std::size_t high = 0, run = 0;
    for (char ch : bytes) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            run = 0;
            continue;
        }
        ++high;
        if (++run > kLongestHighRun) return false;
    }
    return high * 10 <= bytes.size() * 3;  // at most 30%
}

DecodedText decode_utf16(const std::string& bytes, const std::string& file_name, bool little_endian) {
    const char* name = little_endian ? "UTF-16LE" : "UTF-16BE";
    const std::string_view body = std::string_view(bytes).substr(2);
    Conversion conversion = convert(name, body, true);
    if (!conversion.error_offset) {
        DecodedText decoded;
        decoded.text = std::move(conversion.utf8);
        decoded.encoding = std::string(name) + " with BOM";
        return decoded;
    }
    // Place the error in the text as decoded with the bad bytes replaced; the
    // good bytes before it decode the same either way.
    const std::size_t at = *conversion.error_offset;
    const std::string whole = convert(name, body, false).utf8;
    const std::size_t file_offset = at + 2;
    std::string message;
    if (body.size() - at < 2) {
        message = byte_message(bytes, file_offset, std::string(name) + " text (the file ends in half a character; " +
                                                       kSaveAsUtf8 + ")");
    } else {
        message = "bytes " + hex_byte(static_cast<unsigned char>(body[at])) + " " +
                  hex_byte(static_cast<unsigned char>(body[at + 1])) + " at offset " +
                  std::to_string(file_offset) + " are not " + name + " text (an unpaired surrogate; " +
                  kSaveAsUtf8 + ")";
    }
    return error_at(file_name, whole, conversion.utf8.size(), message);
}

}  // namespace

DecodedText decode_text(const std::string& bytes, const std::string& file_name) {
    const std::string_view all(bytes);
    if (all.substr(0, 3) == kUtf8Bom) {
        const std::string_view body = all.substr(3);
        if (const auto bad = first_invalid_utf8(body)) {
            return error_at(file_name, body, *bad,
                            byte_message(bytes, *bad + 3,
                                         "UTF-8 text, though the file starts with a UTF-8 byte order mark (" +
                                             std::string(kSaveAsUtf8) + ")"));
        }
        return {std::string(body), "UTF-8 with BOM", std::nullopt};
    }
    if (all.substr(0, 2) == kUtf16LeBom) return decode_utf16(bytes, file_name, true);
    if (all.substr(0, 2) == kUtf16BeBom) return decode_utf16(bytes, file_name, false);

    // A NUL is in no text file we accept; most likely this is UTF-16 without a
    // byte order mark, which would otherwise pass as UTF-8 when it is all ASCII.
    if (const std::size_t nul = all.find('\0'); nul != std::string_view::npos) {
        return error_at(file_name, all, nul,
                        byte_message(bytes, nul,
                                     "UTF-8 or Windows-1252 text (it looks like UTF-16 without a byte order "
                                     "mark; " + std::string(kSaveAsUtf8) + ")"));
    }
    const auto bad = first_invalid_utf8(all);
    if (!bad) return {bytes, "UTF-8", std::nullopt};

    const Windows1252Fit fit = check_windows_1252(all);
    if (fit.defined && fit.no_controls && looks_like_windows_1252_text(all)) {
        Conversion conversion = convert("windows-1252", all, true);
        if (!conversion.error_offset) return {std::move(conversion.utf8), "Windows-1252", std::nullopt};
    }
    // Point at a byte that is text in neither encoding when there is one, since
    // the first byte that is not UTF-8 may be good Windows-1252 ("é").
    const std::size_t at = fit.first_in_neither.value_or(*bad);
    return error_at(file_name, all, at,
                    byte_message(bytes, at, "UTF-8 or Windows-1252 text (" + std::string(kSaveAsUtf8) + ")"));
}

}  // namespace yousaid
