#include "ingest/file_signature.h"

#include <algorithm>
#include <string_view>

namespace yousaid {

namespace {

constexpr std::string_view kOleCompoundFile = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kZip = "PK\x03\x04";
constexpr std::string_view kPdf = "%PDF-";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// An OpenDocument file is a zip whose first part, stored uncompressed, is
// "mimetype" holding this prefix and the kind of document.
constexpr std::string_view kOpenDocumentType = "application/vnd.oasis.opendocument.";
constexpr std::size_t kSampled = 64 * 1024;  // bytes looked at for NULs

constexpr const char* kWhatWeRead =
    "yousaid reads CSV, TSV and semicolon-separated text, XLSX, JSON Lines and panel notes";

bool blank(std::string_view bytes) {
    if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
    return bytes.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// UTF-16 text has a NUL in every other byte wherever it is ASCII, so its NULs
// are nearly all at even offsets (big-endian) or all at odd ones
// (little-endian), however few there are (text mostly in another script has
// few). Binary data has NULs at both.
bool nuls_in_utf16_pattern(std::size_t nuls_even, std::size_t nuls_odd) {
    return std::max(nuls_even, nuls_odd) * 10 >= (nuls_even + nuls_odd) * 9;
}

}  // namespace

std::optional<std::string> unreadable_input(const std::string& bytes) {
    const std::string_view all(bytes);
    if (blank(all)) return "the file is empty";
    if (is_office_97_file(all)) {
        return "an Excel 97-2003 workbook (.xls) or a workbook with a password, which yousaid cannot read: open it "
               "in Excel or LibreOffice and save it as an Excel workbook (.xlsx) without a password, or as CSV UTF-8";
    }
    if (all.starts_with(kZip)) {
        if (all.size() > 38 && all.substr(30, 8) == "mimetype" && all.substr(38).starts_with(kOpenDocumentType)) {
            return "an OpenDocument file (.ods, .odt), which yousaid cannot read: open it in LibreOffice and save it "
                   "as an Excel workbook (.xlsx) or as CSV";
        }
        return std::nullopt;  // the XLSX reader says what else is wrong
    }
    if (all.starts_with(kPdf)) {
        return "a PDF document, not a table of responses: export the responses from the survey tool as CSV or XLSX";
    }
    const std::string_view sample = all.substr(0, kSampled);
    std::size_t nuls_even = 0, nuls_odd = 0;
    for (std::size_t i = 0; i < sample.size(); ++i) {
        if (sample[i] == '\0') ++(i % 2 ? nuls_odd : nuls_even);
    }
    if (nuls_even + nuls_odd == 0 || nuls_in_utf16_pattern(nuls_even, nuls_odd)) return std::nullopt;
    return "binary data, not text (a NUL byte at offset " + std::to_string(all.find('\0')) + "): " + kWhatWeRead;
}

bool is_office_97_file(std::string_view bytes) { return bytes.starts_with(kOleCompoundFile); }

}  // namespace yousaid
