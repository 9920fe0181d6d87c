#include "ingest/jsonl_reader.h"

#include <doctest/doctest.h>

namespace yousaid {
namespace {

// Records as "line: value|value|..." lines; a malformed record as "line: !".
std::string render(const Table& table) {
    std::string out;
    for (const CsvRecord& record : table.records) {
        out += std::to_string(record.line) + ":";
        if (record.error) out += " !";
        for (std::size_t i = 0; i < record.fields.size(); ++i) out += (i ? "|" : " ") + record.fields[i].value;
        out += "\n";
    }
    return out;
}

TEST_CASE("jsonl: objects become records under a header of their keys") {
    const std::string text =
        "{\"id\": \"WEB-1\", \"text\": \"Too far to travel\", \"age_band\": \"65-74\"}\n"
        "{\"text\": \"The caf\xC3\xA9 charges \xC2\xA3" "3\", \"id\": \"WEB-2\", \"rating\": 4}\n"  // other order, new key
        "\n"
        "   \t\r\n"
        "{\"id\": \"WEB-3\", \"text\": \"\xE2\x80\x9CJoined-up\xE2\x80\x9D care\", \"age_band\": null}\r\n"
        "{\"id\":\"WEB-4\",\"text\":\"ok\",\"rating\":4.50,\"big\":1e3,\"neg\":-7,\"carer\":true,\"lives_alone\":false}\n"
        "{\"id\": \"WEB-5\", \"text\": \"nested\", \"tags\": [\"bus\", {\"route\": 38}], \"where\": {\"town\": \"Crewe\", \"ward\": [1, 2]}}";
    const Table table = read_jsonl(text, "web.jsonl");
    CHECK(table.format == "JSON Lines");
    CHECK(table.encoding == "UTF-8");
    CHECK(table.sheet == "");
    CHECK(render(table) ==
          "0: id|text|age_band|rating|big|neg|carer|lives_alone|tags|where\n"
          "1: WEB-1|Too far to travel|65-74|||||||\n"
          "2: WEB-2|The caf\xC3\xA9 charges \xC2\xA3" "3||4||||||\n"
          "5: WEB-3|\xE2\x80\x9CJoined-up\xE2\x80\x9D care||||||||\n"
          "6: WEB-4|ok||4.50|1e3|-7|true|false||\n"
          "7: WEB-5|nested|||||||[\"bus\",{\"route\":38}]|{\"town\":\"Crewe\",\"ward\":[1,2]}\n");

    // Header fields are in key order; values sit where they start on the line.
    CHECK(table.records[0].fields[1].column == 2);
    const CsvRecord& second = table.records[2];
    CHECK(second.raw == "{\"text\": \"The caf\xC3\xA9 charges \xC2\xA3" "3\", \"id\": \"WEB-2\", \"rating\": 4}\n");
    CHECK(second.fields[0].line == 2);
    CHECK(second.fields[0].column == 39);  // "WEB-2", after two 2-byte characters
    CHECK(second.fields[1].column == 10);  // the text
    CHECK(second.fields[2].column == 1);   // a missing key has no place on the line
    CHECK(second.fields[3].column == 58);
    CHECK(table.records[3].raw.ends_with("\r\n"));
    CHECK(table.records[3].line_text(5).ends_with("null}"));
}

TEST_CASE("jsonl: a byte order mark is not part of the first key") {
    const Table table = read_jsonl("\xEF\xBB\xBF{\"id\": 1, \"text\": \"hi\"}\n", "web.jsonl");
    CHECK(table.encoding == "UTF-8 with BOM");
    CHECK(render(table) == "0: id|text\n1: 1|hi\n");
    CHECK(table.records[1].raw == "{\"id\": 1, \"text\": \"hi\"}\n");
    CHECK(table.records[1].fields[0].column == 8);
}

TEST_CASE("jsonl: a line that is not a JSON object is a malformed record") {
    struct Case {
        const char* line;
        const char* format;  // the whole Diagnostic::format()
    } cases[] = {
        {"{\"id\": \"WEB-9\", \"text\": \"caf\xC3\xA9 \" closed\"}",
         "web.jsonl:2:33: error: not a JSON object: syntax error while parsing object - invalid literal; last read: "
         "'\"caf\xC3\xA9 \" c'; expected '}'\n"
         "    {\"id\": \"WEB-9\", \"text\": \"caf\xC3\xA9 \" closed\"}\n"
         "                                    ^\n"},
        {"{\"id\": \"WEB-9\"",
         "web.jsonl:2:15: error: not a JSON object: syntax error while parsing object - unexpected end of input; "
         "expected '}'\n"
         "    {\"id\": \"WEB-9\"\n"
         "                  ^\n"},
        {"{\"id\": 1} trailing",
         "web.jsonl:2:13: error: not a JSON object: syntax error while parsing value - invalid literal; last read: "
         "'1} tra'; expected end of input\n"  // nlohmann stops where "true" stops matching
         "    {\"id\": 1} trailing\n"
         "                ^\n"},
        {"  [\"WEB-9\", \"a list\"]",
         "web.jsonl:2:3: error: expected a JSON object ({...}) on each line\n"
         "      [\"WEB-9\", \"a list\"]\n"
         "      ^\n"},
        {"\"just text\"",
         "web.jsonl:2:1: error: expected a JSON object ({...}) on each line\n"
         "    \"just text\"\n"
         "    ^\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        const std::string line = c.line;
        const Table table = read_jsonl("{\"id\": \"WEB-1\", \"text\": \"fine\"}\n" + line + "\n{\"text\": \"after\"}\n",
                                       "web.jsonl");
        REQUIRE(table.records.size() == 4);
        CHECK(render(table) == "0: id|text\n1: WEB-1|fine\n2: !\n3: |after\n");
        const CsvRecord& bad = table.records[2];
        REQUIRE(bad.error);
        CHECK(bad.error->format() == c.format);
        CHECK(bad.line == 2);
        CHECK(bad.raw == line + "\n");
    }
}

TEST_CASE("jsonl: no objects, no header") {
    CHECK(render(read_jsonl("", "web.jsonl")) == "");
    CHECK(render(read_jsonl("\n  \n", "web.jsonl")) == "");
    CHECK(render(read_jsonl("42\n", "web.jsonl")) == "1: !\n");
}

}  // namespace
}  // namespace yousaid
