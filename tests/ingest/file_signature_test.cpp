// Files in no format yousaid reads are told apart by their first bytes, so the
// error can say what each is; text and zip archives are left to their readers.
#include "ingest/file_signature.h"

#include <doctest/doctest.h>

using namespace yousaid;

namespace {

std::string what(const std::string& bytes) { return unreadable_input(bytes).value_or("readable"); }

}  // namespace

TEST_CASE("file signature: empty and blank files") {
    CHECK(what("") == "the file is empty");
    CHECK(what("\xEF\xBB\xBF\r\n  \n") == "the file is empty");
    CHECK(what("id,text\n") == "readable");
}

TEST_CASE("file signature: an Excel 97-2003 workbook, an OpenDocument spreadsheet and a PDF say what they are") {
    CHECK(what(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12)).rfind(
              "an Excel 97-2003 workbook (.xls) or a workbook with a password, which yousaid cannot read: ", 0) == 0);
    // A zip whose first part, "mimetype", names an OpenDocument spreadsheet.
    std::string ods("PK\x03\x04\x14\0\0\0\0\0", 10);
    ods += std::string(20, '\0') + "mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK";
    CHECK(what(ods).rfind("an OpenDocument file (.ods, .odt), which yousaid cannot read", 0) == 0);
    CHECK(what("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n").rfind("a PDF document, not a table of responses", 0) == 0);
}

TEST_CASE("file signature: binary data with NULs is not text; UTF-16 without a byte order mark is left to decoding") {
    const std::string elf("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0", 24);
    CHECK(what(elf) == "binary data, not text (a NUL byte at offset 7): yousaid reads CSV, TSV and "
                       "semicolon-separated text, XLSX, JSON Lines and panel notes");
    CHECK(what(std::string("i\0d\0,\0t\0e\0x\0t\0\n\0", 16)) == "readable");  // UTF-16LE
    CHECK(what(std::string("\0i\0d\0,\0t\0e\0x\0t\0\n", 16)) == "readable");  // UTF-16BE
    // UTF-16LE of "a健康健康健康健康\n": few NULs (2 in 20 bytes), all at odd offsets.
    std::string chinese("a\0", 2);
    for (int i = 0; i < 4; ++i) chinese += "\x65\x50\xB7\x5E";
    CHECK(what(chinese + std::string("\n\0", 2)) == "readable");
    // Any other zip archive is for the XLSX reader to open and judge.
    CHECK(what(std::string("PK\x03\x04\x14\0\0\0\x08\0", 10)) == "readable");
    CHECK(what("PK\x03\x04") == "readable");
}
