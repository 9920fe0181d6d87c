// How a problem in an input file is printed: where, what, and the line with a
// caret, kept to a screen's width and to characters a terminal prints as such.
#include "ingest/diagnostic.h"

#include <doctest/doctest.h>

using namespace yousaid;

TEST_CASE("diagnostic: a short line is shown whole, with the caret under the column, tabs kept") {
    const Diagnostic d{{"f.tsv", 2, 4}, "stray quote", "a\tb\"c"};
    CHECK(d.format() == "f.tsv:2:4: error: stray quote\n    a\tb\"c\n     \t ^\n");
}

TEST_CASE("diagnostic: a problem with the whole file names no line") {
    const Diagnostic d{{"x.xls", 0, 0}, "x.xls: an Excel 97-2003 workbook", ""};
    CHECK(d.headline() == "yousaid: x.xls: an Excel 97-2003 workbook");
    CHECK(d.format() == "yousaid: x.xls: an Excel 97-2003 workbook\n");
}

TEST_CASE("diagnostic: a long line shows the 100 characters around the column, each cut marked") {
    std::string line;
    for (int i = 0; i < 300; ++i) line += static_cast<char>('a' + i % 26);
    line[200] = '"';
    const std::string shown = Diagnostic{{"f.csv", 5, 201}, "stray quote", line}.format();
    // Characters 151 to 250: the quote is the 51st of them, after the "…".
    CHECK(shown == "f.csv:5:201: error: stray quote\n    \u2026" + line.substr(150, 100) + "\u2026\n    " +
                       std::string(51, ' ') + "^\n");

    // Near the start: no cut before; near the end: the last 100, no cut after.
    const std::string start = Diagnostic{{"f.csv", 1, 3}, "m", line}.format();
    CHECK(start == "f.csv:1:3: error: m\n    " + line.substr(0, 100) + "\u2026\n      ^\n");
    const std::string end = Diagnostic{{"f.csv", 1, 300}, "m", line}.format();
    CHECK(end == "f.csv:1:300: error: m\n    \u2026" + line.substr(200) + "\n    " + std::string(100, ' ') + "^\n");
    // A column just past the end of the line (a record cut short there).
    const std::string past = Diagnostic{{"f.csv", 1, 301}, "m", line}.format();
    CHECK(past.substr(past.rfind('\n', past.size() - 2) + 1) == "    " + std::string(101, ' ') + "^\n");
}

TEST_CASE("diagnostic: control characters and bytes that are not UTF-8 show as U+FFFD, one column each") {
    const Diagnostic d{{"f.csv", 1, 8}, "m", "a\x1b[31m\xC3\xA9\xFF\"x"};
    CHECK(d.format() == "f.csv:1:8: error: m\n    a\uFFFD[31m\u00E9\uFFFD\"x\n           ^\n");
}
