#include "ingest/encoding.h"

#include <doctest/doctest.h>

#include "ingest/csv_grammar.h"
#include "ingest/delimiter_sniffer.h"

namespace yousaid {
namespace {

// `text` (UTF-16 code units) as bytes, with a byte order mark first when `bom`.
std::string utf16(const std::u16string& text, bool little_endian, bool bom = true) {
    std::string out;
    auto put = [&](char16_t unit) {
        const char low = static_cast<char>(unit & 0xFF), high = static_cast<char>(unit >> 8);
        out += little_endian ? low : high;
        out += little_endian ? high : low;
    };
    if (bom) put(0xFEFF);
    for (char16_t unit : text) put(unit);
    return out;
}

std::string error_of(const DecodedText& decoded) {
    return decoded.error ? decoded.error->format() : "no error";
}

TEST_CASE("encoding: UTF-8 with and without a byte order mark, and an empty file") {
    const std::string text = "id,text\n1,Caf\xC3\xA9 \xC2\xA3" "5 \xE2\x80\x9Cok\xE2\x80\x9D\n";
    DecodedText plain = decode_text(text, "f.csv");
    CHECK(error_of(plain) == "no error");
    CHECK(plain.encoding == "UTF-8");
    CHECK(plain.text == text);

    DecodedText bom = decode_text("\xEF\xBB\xBF" + text, "f.csv");
    CHECK(error_of(bom) == "no error");
    CHECK(bom.encoding == "UTF-8 with BOM");
    CHECK(bom.text == text);

    DecodedText empty = decode_text("", "f.csv");
    CHECK(error_of(empty) == "no error");
    CHECK(empty.encoding == "UTF-8");
    CHECK(empty.text == "");

    DecodedText only_bom = decode_text("\xEF\xBB\xBF", "f.csv");
    CHECK(only_bom.encoding == "UTF-8 with BOM");
    CHECK(only_bom.text == "");
}

TEST_CASE("encoding: Excel \"Unicode Text\" (UTF-16LE with BOM, tabs, CRLF) reads as tab-separated UTF-8") {
    const std::u16string excel =
        u"Respondent ID\tWhat could be better?\r\n"
        u"1\t\"Fewer forms, please\"\r\n"
        u"2\tThe caf\u00e9\u2019s \u00a33 parking \U0001F697\r\n";
    const std::string expected =
        "Respondent ID\tWhat could be better?\r\n"
        "1\t\"Fewer forms, please\"\r\n"
        "2\tThe caf\xC3\xA9\xE2\x80\x99s \xC2\xA3" "3 parking \xF0\x9F\x9A\x97\r\n";
    DecodedText decoded = decode_text(utf16(excel, true), "export.txt");
    CHECK(error_of(decoded) == "no error");
    CHECK(decoded.encoding == "UTF-16LE with BOM");
    CHECK(decoded.text == expected);

    REQUIRE(sniff_delimiter(decoded.text) == '\t');
    const std::vector<CsvRecord> records = parse_csv(decoded.text, "export.txt", '\t');
    REQUIRE(records.size() == 3);
    REQUIRE(records[1].fields.size() == 2);
    CHECK(records[1].fields[1].value == "Fewer forms, please");
    REQUIRE(records[2].fields.size() == 2);
    CHECK(records[2].fields[1].value == "The caf\xC3\xA9\xE2\x80\x99s \xC2\xA3" "3 parking \xF0\x9F\x9A\x97");
}

TEST_CASE("encoding: UTF-16BE with BOM") {
    DecodedText decoded = decode_text(utf16(u"id;text\n1;\u00a35 \u20ac\n", false), "f.csv");
    CHECK(error_of(decoded) == "no error");
    CHECK(decoded.encoding == "UTF-16BE with BOM");
    CHECK(decoded.text == "id;text\n1;\xC2\xA3" "5 \xE2\x82\xAC\n");
}

TEST_CASE("encoding: malformed UTF-16 is reported at its byte offset") {
    struct Case {
        std::string bytes;
        const char* error;
    } cases[] = {
        // An odd number of bytes: the last is half a character.
        {utf16(u"id,text\n1,ok\n", true) + "x",
         "f.csv:3:1: error: byte 0x78 at offset 28 is not UTF-16LE text (the file ends in half a character; "
         "save the file as UTF-8)\n"
         "    \xEF\xBF\xBD\n"
         "    ^\n"},
        // A high surrogate followed by a letter, not by a low surrogate.
        {utf16(u"id,text\n1,caf\u00e9 \xD83D!\n2,x\n", true),
         "f.csv:2:8: error: bytes 0x3D 0xD8 at offset 32 are not UTF-16LE text (an unpaired surrogate; "
         "save the file as UTF-8)\n"
         "    1,caf\xC3\xA9 \xEF\xBF\xBD!\n"
         "           ^\n"},
        // A low surrogate on its own, big-endian.
        {utf16(u"a\n\xDC00z", false),
         "f.csv:2:1: error: bytes 0xDC 0x00 at offset 6 are not UTF-16BE text (an unpaired surrogate; "
         "save the file as UTF-8)\n"
         "    \xEF\xBF\xBDz\n"
         "    ^\n"},
        // A high surrogate at the very end.
        {utf16(u"ab\xD83D", true),
         "f.csv:1:3: error: bytes 0x3D 0xD8 at offset 6 are not UTF-16LE text (an unpaired surrogate; "
         "save the file as UTF-8)\n"
         "    ab\xEF\xBF\xBD\n"
         "      ^\n"},
    };
    for (const Case& c : cases) {
        const std::string expected = c.error;
        CAPTURE(expected);
        DecodedText decoded = decode_text(c.bytes, "f.csv");
        CHECK(error_of(decoded) == c.error);
        CHECK(decoded.text == "");
    }
}

TEST_CASE("encoding: Windows-1252 from Excel converts to the right UTF-8") {
    // £ 0xA3, é 0xE9, ‘ ’ “ ” 0x91-0x94, € 0x80, – 0x96, … 0x85.
    const std::string bytes =
        "id,text\r\n"
        "1,\x93" "Caf\xE9 prices\x94 \x96 \xA3" "3 or \x80" "4\x85\r\n"
        "2,\x91Quoted\x92 and na\xEFve\r\n";
    const std::string expected =
        "id,text\r\n"
        "1,\xE2\x80\x9C" "Caf\xC3\xA9 prices\xE2\x80\x9D \xE2\x80\x93 \xC2\xA3" "3 or \xE2\x82\xAC" "4\xE2\x80\xA6\r\n"
        "2,\xE2\x80\x98Quoted\xE2\x80\x99 and na\xC3\xAFve\r\n";
    DecodedText decoded = decode_text(bytes, "f.csv");
    CHECK(error_of(decoded) == "no error");
    CHECK(decoded.encoding == "Windows-1252");
    CHECK(decoded.text == expected);
}

TEST_CASE("encoding: bytes that are neither UTF-8 nor Windows-1252 text are reported") {
    struct Case {
        const char* name;
        std::string bytes;
        const char* error;
    } cases[] = {
        {"0x81 is undefined in Windows-1252; the earlier 0xE9 would be é",
         "id,text\n1,caf\xE9\n2,\x93ok\x94 \x81x\n",
         "f.csv:3:8: error: byte 0x81 at offset 22 is not UTF-8 or Windows-1252 text (save the file as UTF-8)\n"
         "    2,\xEF\xBF\xBDok\xEF\xBF\xBD \xEF\xBF\xBDx\n"
         "           ^\n"},
        {"0x8D, 0x8F, 0x90 and 0x9D are undefined too",
         std::string("a\x9D"),
         "f.csv:1:2: error: byte 0x9D at offset 1 is not UTF-8 or Windows-1252 text (save the file as UTF-8)\n"
         "    a\xEF\xBF\xBD\n"
         "     ^\n"},
        {"a control character with a high byte: binary, such as a zip file",
         std::string("PK\x03\x04\x14\x00\x06\x00\xE9", 9),
         "f.csv:1:6: error: byte 0x00 at offset 5 is not UTF-8 or Windows-1252 text (it looks like UTF-16 "
         "without a byte order mark; save the file as UTF-8)\n"
         "    PK\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n"
         "         ^\n"},
        {"a control character other than tab, CR and LF",
         "id,text\n1,caf\xE9\x1B[0m\n",
         "f.csv:2:7: error: byte 0x1B at offset 14 is not UTF-8 or Windows-1252 text (save the file as UTF-8)\n"
         "    1,caf\xEF\xBF\xBD\xEF\xBF\xBD[0m\n"
         "          ^\n"},
        {"more than 30% of the bytes above 0x7F: reported at the first byte that is not UTF-8",
         "ab \xE9\xC8 c\xF1 \xFA\xE0",
         "f.csv:1:4: error: byte 0xE9 at offset 3 is not UTF-8 or Windows-1252 text (save the file as UTF-8)\n"
         "    ab \xEF\xBF\xBD\xEF\xBF\xBD c\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\n"
         "       ^\n"},
        {"a long run of high bytes, as in another encoding or binary data",
         "id,text\n1,the quick brown fox jumps over the lazy dog \xC4\xE3\xB9\xFD\xD7\xA9 and more plain text\n",
         "f.csv:2:47: error: byte 0xC4 at offset 54 is not UTF-8 or Windows-1252 text (save the file as UTF-8)\n"
         "    1,the quick brown fox jumps over the lazy dog \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
         "\xD7\xA9 and more plain text\n"
         "                                                  ^\n"},
        {"a UTF-8 byte order mark, then a byte that is not UTF-8: no Windows-1252 fallback",
         "\xEF\xBB\xBFid,text\n1,caf\xE9\n",
         "f.csv:2:6: error: byte 0xE9 at offset 16 is not UTF-8 text, though the file starts with a UTF-8 "
         "byte order mark (save the file as UTF-8)\n"
         "    1,caf\xEF\xBF\xBD\n"
         "         ^\n"},
    };
    for (const Case& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        DecodedText decoded = decode_text(c.bytes, "f.csv");
        CHECK(error_of(decoded) == c.error);
        CHECK(decoded.text == "");
    }
}

TEST_CASE("encoding: UTF-16 without a byte order mark is reported, not read as UTF-8 or Windows-1252") {
    const std::string little = utf16(u"id,text\n1,ok\n", true, false);
    CHECK(error_of(decode_text(little, "f.csv")) ==
          "f.csv:1:2: error: byte 0x00 at offset 1 is not UTF-8 or Windows-1252 text (it looks like UTF-16 "
          "without a byte order mark; save the file as UTF-8)\n"
          "    i\xEF\xBF\xBD" "d\xEF\xBF\xBD,\xEF\xBF\xBDt\xEF\xBF\xBD" "e\xEF\xBF\xBDx\xEF\xBF\xBDt\xEF\xBF\xBD\n"
          "     ^\n");
    // With a character above U+00FF, so that the bytes are not UTF-8 either.
    const std::string big = utf16(u"\u20ac5\n", false, false);
    CHECK(error_of(decode_text(big, "f.csv")) ==
          "f.csv:1:3: error: byte 0x00 at offset 2 is not UTF-8 or Windows-1252 text (it looks like UTF-16 "
          "without a byte order mark; save the file as UTF-8)\n"
          "     \xEF\xBF\xBD\xEF\xBF\xBD" "5\xEF\xBF\xBD\n"
          "      ^\n");
}

}  // namespace
}  // namespace yousaid
