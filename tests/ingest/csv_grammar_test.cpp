#include "ingest/csv_grammar.h"

#include <doctest/doctest.h>

namespace yousaid {
namespace {

std::string escaped(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : std::string(1, c);
    return out;
}

// Records as "line:column=value" fields; records separated by " / ", a
// malformed record as "!line:column".
std::string render(const std::vector<CsvRecord>& records) {
    std::string out;
    for (const CsvRecord& r : records) {
        if (!out.empty()) out += " / ";
        if (r.error) {
            out += "!" + std::to_string(r.error->where.line) + ":" + std::to_string(r.error->where.column);
            continue;
        }
        for (std::size_t i = 0; i < r.fields.size(); ++i)
            out += (i ? " " : "") + std::to_string(r.fields[i].line) + ":" +
                   std::to_string(r.fields[i].column) + "=" + escaped(r.fields[i].value);
    }
    return out;
}

TEST_CASE("csv: good records, fields and positions") {
    struct Case {
        const char* input;
        const char* records;
    } cases[] = {
        {"", ""},
        {"a", "1:1=a"},
        {"a,b\n", "1:1=a 1:3=b"},
        {"a,b\r\nc,d\r\n", "1:1=a 1:3=b / 2:1=c 2:3=d"},
        {"a,b\nc,d", "1:1=a 1:3=b / 2:1=c 2:3=d"},                // no final line end
        {"a,b\r\nc,d", "1:1=a 1:3=b / 2:1=c 2:3=d"},
        {"a,,c\n", "1:1=a 1:3= 1:4=c"},                             // empty field
        {"a,b,\n", "1:1=a 1:3=b 1:5="},                             // trailing comma: empty last field
        {",\n", "1:1= 1:2="},
        {"\"a,b\",c\n", "1:1=a,b 1:7=c"},                           // embedded comma
        {"\"say \"\"hi\"\"\",x\n", "1:1=say \"hi\" 1:14=x"},        // doubled quotes
        {"\"\"\n", "1:1="},                                         // empty quoted field
        {"\"\"\"\"\n", "1:1=\""},                                   // just one quote
        {"\"one\ntwo\",x\ny\n", "1:1=one\\ntwo 2:6=x / 3:1=y"},     // LF in quotes
        {"\"one\r\ntwo\",x\r\ny\r\n", "1:1=one\\r\\ntwo 2:6=x / 3:1=y"},  // CRLF in quotes kept
        {"\xEF\xBB\xBFid,text\n1,hi\n", "1:1=id 1:4=text / 2:1=1 2:3=hi"},  // BOM skipped
        {"a\n\nb\n\n", "1:1=a / 3:1=b"},                            // blank lines are not records
        {"a\r\n\r\n  \r\nb", "1:1=a / 4:1=b"},
        {"\n\na\n", "3:1=a"},
        {" a , b \n", "1:1= a  1:5= b "},                           // spaces kept (readers trim)
        {"caf\xC3\xA9,x\n", "1:1=caf\xC3\xA9 1:6=x"},               // columns in code points
        {"a\rb,c\n", "1:1=a\\rb 1:5=c"},                            // a lone CR is data
    };
    for (const Case& c : cases) {
        const std::string input = c.input;
        CAPTURE(input);
        CHECK(render(parse_csv(c.input, "f.csv")) == c.records);
    }
}

TEST_CASE("csv: raw text of each record is exact") {
    auto records = parse_csv("\xEF\xBB\xBF" "a,\"b\r\nc\"\r\n\r\nd\n", "f.csv");
    REQUIRE(records.size() == 2);
    CHECK(records[0].raw == "a,\"b\r\nc\"\r\n");
    CHECK(records[0].line == 1);
    CHECK(records[0].line_text(2) == "c\"");
    CHECK(records[1].raw == "d\n");
    CHECK(records[1].line == 4);
    CHECK(records[1].line_text(4) == "d");
    CHECK(records[1].line_text(5) == "");
}

TEST_CASE("csv: malformed records are reported where they go wrong, then reading resumes") {
    struct Case {
        const char* input;
        const char* records;
        const char* error;  // the first malformed record's whole diagnostic
        const char* raw;    // and its raw text
    } cases[] = {
        {"a,b\"c,d\ne,f\n", "!1:4 / 2:1=e 2:3=f",
         "f.csv:1:4: error: stray quote in an unquoted field (put the field in quotes and write a quote as \"\")\n"
         "    a,b\"c,d\n"
         "       ^\n",
         "a,b\"c,d\n"},
        {"x\n\"a\"b,c\r\nd\r\n", "1:1=x / !2:4 / 3:1=d",
         "f.csv:2:4: error: text after the closing quote (inside quotes, write a quote as \"\")\n"
         "    \"a\"b,c\n"
         "       ^\n",
         "\"a\"b,c\r\n"},
        {"x\n\"a\nb\" c\nd\n", "1:1=x / !3:3 / 4:1=d",
         "f.csv:3:3: error: text after the closing quote (inside quotes, write a quote as \"\")\n"
         "    b\" c\n"
         "      ^\n",
         "\"a\nb\" c\n"},
        {"x\ny,\"abc\nz,w\n", "1:1=x / !2:3",
         "f.csv:2:3: error: quoted field has no closing quote (the rest of the file is in this field)\n"
         "    y,\"abc\n"
         "      ^\n",
         "y,\"abc\nz,w\n"},
        {"\"", "!1:1",
         "f.csv:1:1: error: quoted field has no closing quote (the rest of the file is in this field)\n"
         "    \"\n"
         "    ^\n",
         "\""},
        {"\xC3\xA9t\xC3\xA9\"x", "!1:4",
         "f.csv:1:4: error: stray quote in an unquoted field (put the field in quotes and write a quote as \"\")\n"
         "    \xC3\xA9t\xC3\xA9\"x\n"
         "       ^\n",
         "\xC3\xA9t\xC3\xA9\"x"},
    };
    for (const Case& c : cases) {
        const std::string input = c.input;
        CAPTURE(input);
        auto records = parse_csv(c.input, "f.csv");
        CHECK(render(records) == c.records);
        for (const CsvRecord& r : records) {
            if (!r.error) continue;
            CHECK(r.error->format() == c.error);
            CHECK(r.raw == c.raw);
            CHECK(r.fields.empty());
            break;
        }
    }
}

TEST_CASE("csv: tab and semicolon delimiters work exactly like the comma") {
    struct Case {
        char delimiter;
        const char* input;
        const char* records;
    } cases[] = {
        {'\t', "a\tb\n", "1:1=a 1:3=b"},
        {'\t', "a\tb\r\nc\td", "1:1=a 1:3=b / 2:1=c 2:3=d"},
        {'\t', "a\t\tc\n", "1:1=a 1:3= 1:4=c"},                    // empty field
        {'\t', "a,b\tc;d\n", "1:1=a,b 1:5=c;d"},                     // other delimiters are data
        {'\t', "\"a\tb\"\tc\n", "1:1=a\tb 1:7=c"},                   // quoted tab
        {'\t', "\"say \"\"hi\"\"\"\tx\n", "1:1=say \"hi\" 1:14=x"},
        {'\t', "\"one\r\ntwo\"\tx\r\ny\r\n", "1:1=one\\r\\ntwo 2:6=x / 3:1=y"},
        {'\t', "\xEF\xBB\xBFid\ttext\n1\thi\n", "1:1=id 1:4=text / 2:1=1 2:3=hi"},
        {'\t', "a\n\t\t\nb\n", "1:1=a / 2:1= 2:2= 2:3= / 3:1=b"},   // a line of tabs is a record
        {'\t', "a\n  \nb\n", "1:1=a / 3:1=b"},                        // a line of spaces is blank
        {'\t', " a \t b \n", "1:1= a  1:5= b "},
        {';', "a;b\n", "1:1=a 1:3=b"},
        {';', "a;b\r\nc;d", "1:1=a 1:3=b / 2:1=c 2:3=d"},
        {';', "a;;c;\n", "1:1=a 1:3= 1:4=c 1:6="},
        {';', "1,5;x\ty\n", "1:1=1,5 1:5=x\ty"},                      // decimal commas are data
        {';', "\"a;b\";c\n", "1:1=a;b 1:7=c"},                         // quoted semicolon
        {';', "\"one\ntwo\";x\ny\n", "1:1=one\\ntwo 2:6=x / 3:1=y"},
        {';', "a\n\t \nb\n", "1:1=a / 3:1=b"},                        // spaces and tabs are blank
        {';', "a;b\"c;d\ne;f\n", "!1:4 / 2:1=e 2:3=f"},
        {';', "\"a\"b;c\nd\n", "!1:4 / 2:1=d"},
        {'\t', "\"a\" \tc\nd\n", "!1:4 / 2:1=d"},
        {'\t', "x\ny\t\"abc\nz\tw\n", "1:1=x / !2:3"},
    };
    for (const Case& c : cases) {
        const std::string input = c.input;
        CAPTURE(input);
        CAPTURE(c.delimiter);
        CHECK(render(parse_csv(c.input, "f.tsv", c.delimiter)) == c.records);
    }
}

TEST_CASE("csv: a comma is data when the delimiter is a tab, and the default is a comma") {
    CHECK(render(parse_csv("a,b\tc\n", "f.csv")) == "1:1=a 1:3=b\tc");
    CHECK(render(parse_csv("a,b\tc\n", "f.tsv", '\t')) == "1:1=a,b 1:5=c");
    CHECK(render(parse_csv("a,b;c\n", "f.csv", ';')) == "1:1=a,b 1:5=c");
}

TEST_CASE("csv: errors with a tab delimiter show the tabbed line with the caret under the fault") {
    auto records = parse_csv("id\ttext\n1\tsay \"hi\"\n", "f.tsv", '\t');
    REQUIRE(records.size() == 2);
    REQUIRE(records[1].error);
    CHECK(records[1].error->format() ==
          "f.tsv:2:7: error: stray quote in an unquoted field (put the field in quotes and write a quote as \"\")\n"
          "    1\tsay \"hi\"\n"
          "     \t    ^\n");
}

TEST_CASE("csv: every byte after the BOM is in some record or a skipped blank line") {
    const std::string input = "a,b\n\"c\"x,d\n\ne,\"f\ng\"\nh";
    std::string joined;
    for (const CsvRecord& r : parse_csv(input, "f.csv")) joined += r.raw;
    CHECK(joined == "a,b\n\"c\"x,d\ne,\"f\ng\"\nh");
}

}  // namespace
}  // namespace yousaid
