#include <doctest/doctest.h>

#include "analysis/csv_output.h"

TEST_CASE("csv cells are quoted as RFC 4180 and safe from formula injection") {
    struct Case {
        const char* value;
        const char* cell;
    } cases[] = {
        {"plain", "plain"},
        {"a, b", "\"a, b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"=SUM(A1:A9)", "'=SUM(A1:A9)"},
        {"+44 7700", "'+44 7700"},
        {"-1", "'-1"},
        {"@cmd", "'@cmd"},
        {"\tTab", "'\tTab"},
        {"=1,2", "\"'=1,2\""},
        {"", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.value);
        CHECK(yousaid::csv_cell(c.value) == c.cell);
    }
    CHECK(yousaid::csv_line({"a", "b,c"}) == "a,\"b,c\"\r\n");
}
