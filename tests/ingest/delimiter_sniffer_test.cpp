#include "ingest/delimiter_sniffer.h"

#include <doctest/doctest.h>

namespace yousaid {
namespace {

std::string shown(char delimiter) { return delimiter == '\t' ? "\\t" : std::string(1, delimiter); }

TEST_CASE("delimiter: the one that splits the first records consistently into the most fields") {
    struct Case {
        const char* name;
        std::string text;
        char delimiter;
    } cases[] = {
        {"comma", "id,text,age\n1,hello,34\n2,bye,56\n", ','},
        {"tab", "id\ttext\tage\n1\thello\t34\n2\tbye\t56\n", '\t'},
        {"semicolon", "id;text;age\r\n1;hello;34\r\n2;bye;56\r\n", ';'},
        {"semicolon, with decimal commas and free text with commas in the fields",
         "id;text;score\n1;Slow, but kind;4,5\n2;Good, quick;3,0\n3;Fine;2,5\n", ';'},
        {"tab, with free text holding commas and semicolons",
         "id\ttext\n1\tSlow, but kind; would use again\n2\tToo far, no bus\n3\tFine\n", '\t'},
        {"comma, with quoted fields holding tabs and semicolons",
         "id,text\n1,\"a\tb;c;d\"\n2,\"e;f\tg\"\n", ','},
        {"comma, with a quoted field over several lines that holds semicolons",
         "id,text\n1,\"first; line\nsecond; line\nthird; line\"\n2,x\n", ','},
        {"comma, with doubled quotes inside quotes", "id,text\n1,\"say \"\"a;b\"\"\"\n2,c\n", ','},
        {"comma, with blank lines", "\n\nid,text\n\n1,x\n\n", ','},
        {"tab, after a UTF-8 byte order mark", "\xEF\xBB\xBFid\ttext\n1\tx\n", '\t'},
        {"the header alone decides", "id;text", ';'},
        {"consistency beats count: commas in the free text vary, tabs do not",
         "id\ttext\n1\ta, b, c\n2\td, e, f\n3\tg\n", '\t'},
        {"equally consistent: more fields wins", "a;b;c,d\n1;2;3,4\n", ';'},
        {"equally consistent and as many fields: comma first", "a,b;c\n1,2;3\n", ','},
        {"one field: comma by default", "text\nhello\nbye\n", ','},
        {"empty: comma by default", "", ','},
    };
    for (const Case& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        CHECK(shown(sniff_delimiter(c.text)) == shown(c.delimiter));
    }
}

TEST_CASE("delimiter: only the first 20 records are looked at") {
    std::string text = "a;b\n";
    for (int i = 0; i < 19; ++i) text += "1;2\n";
    for (int i = 0; i < 40; ++i) text += "1,2,3\n";
    CHECK(shown(sniff_delimiter(text)) == ";");
    CHECK(shown(sniff_delimiter(text + text)) == ";");
    text = "a;b\n";
    for (int i = 0; i < 9; ++i) text += "1;2\n";
    for (int i = 0; i < 40; ++i) text += "1,2,3\n";
    CHECK(shown(sniff_delimiter(text)) == ",");  // 10 of the 20 by comma with 3 fields, 10 by semicolon with 2
}

TEST_CASE("delimiter: format names") {
    CHECK(delimiter_format_name(',') == "CSV");
    CHECK(delimiter_format_name('\t') == "TSV");
    CHECK(delimiter_format_name(';') == "semicolon-separated");
}

}  // namespace
}  // namespace yousaid
