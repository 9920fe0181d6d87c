#include "ingest/map_file.h"

#include <doctest/doctest.h>

namespace yousaid {
namespace {

std::string at(const SourceLocation& where) {
    return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

std::string refs(const std::vector<ColumnRef>& columns) {
    std::string out;
    for (const ColumnRef& c : columns) out += (out.empty() ? "" : " | ") + c.header + " @" + at(c.where);
    return out;
}

std::string values(const AttributeMap& attribute) {
    std::string out;
    for (const auto& [from, to] : attribute.values) out += (out.empty() ? "" : "; ") + from + " -> " + to;
    return out;
}

std::string errors(const MapFileParse& parse) {
    std::string out;
    for (const Diagnostic& d : parse.errors) out += d.format();
    return out;
}

TEST_CASE("map file: every statement") {
    const std::string text =
        "# comments start with '#'; blank lines are ignored\n"
        "id: Respondent ID\n"
        "text: What works well about health and social care for you now?\n"
        "text: \"What could be better?\"          # several text lines = several open questions\n"
        "\n"
        "date: Start Date\n"
        "event = Online survey, June 2014         # '=' sets a constant for every row\n"
        "channel = Online survey\n"
        "question = \"Caring \"\"Together\"\"\"\n"
        "attribute age_band: What is your age?\n"
        "  \"Under 18\" -> 16-24                    # indented lines under an attribute map its values\n"
        "  \"18 to 24\" -> 16-24\n"
        "  # a comment inside the block\n"
        "\n"
        "  65 to 74 -> 65-74\n"
        "\tSTRASSE  ->   Street\n"
        "  Prefer not to say -> \"\"\n"
        "attribute carer: Are you a carer?\n"
        "skip: IP Address, Email Address, \"Last, First Name\",Q#3   # never stored\n";
    MapFileParse parse = parse_map_file(text, "m.map");
    CHECK(errors(parse) == "");
    const MapFile& map = parse.map;
    CHECK(refs(map.id) == "Respondent ID @m.map:2:5");
    CHECK(refs(map.text) ==
          "What works well about health and social care for you now? @m.map:3:7 | "
          "What could be better? @m.map:4:7");
    CHECK(refs(map.date) == "Start Date @m.map:6:7");
    CHECK(refs(map.event) == "");
    CHECK(refs(map.channel) == "");
    CHECK(refs(map.question) == "");
    CHECK(map.constants == std::map<std::string, std::string>{{"event", "Online survey, June 2014"},
                                                              {"channel", "Online survey"},
                                                              {"question", "Caring \"Together\""}});
    REQUIRE(map.attributes.size() == 2);
    CHECK(map.attributes[0].name == "age_band");
    CHECK(refs({map.attributes[0].column}) == "What is your age? @m.map:10:21");
    CHECK(values(map.attributes[0]) ==
          "18 to 24 -> 16-24; 65 to 74 -> 65-74; prefer not to say -> ; strasse -> Street; under 18 -> 16-24");
    CHECK(map.attributes[1].name == "carer");
    CHECK(refs({map.attributes[1].column}) == "Are you a carer? @m.map:18:18");
    CHECK(values(map.attributes[1]) == "");
    CHECK(refs(map.skip) ==
          "IP Address @m.map:19:7 | Email Address @m.map:19:19 | Last, First Name @m.map:19:34 | "
          "Q#3 @m.map:19:53");
}

TEST_CASE("map file: constants, case, a byte order mark and CRLF") {
    MapFileParse parse = parse_map_file(
        "\xEF\xBB\xBFTEXT: Comments\r\n"
        "Date = 21/05/2014\r\n"
        "event=Congleton   \r\n"
        "attribute ethnicity: Ethnic group\r\n"
        "  White \xE2\x80\x93 British -> White British\r\n"
        "  STRA\xC3\x9F" "E -> street",
        "m.map");
    CHECK(errors(parse) == "");
    CHECK(refs(parse.map.text) == "Comments @m.map:1:7");
    CHECK(parse.map.constants ==
          std::map<std::string, std::string>{{"date", "2014-05-21"}, {"event", "Congleton"}});
    REQUIRE(parse.map.attributes.size() == 1);
    CHECK(values(parse.map.attributes[0]) ==
          "strasse -> street; white \xE2\x80\x93 british -> White British");
}

TEST_CASE("map file: each error, reported with its line and a caret, and the rest still read") {
    struct Case {
        const char* name;
        const char* text;
        const char* errors;
    } cases[] = {
        {"unknown role", "text: T\nrespondent: Respondent ID\n",
         "m.map:2:1: error: unknown role \"respondent\": expected id, text, event, channel, date, question, "
         "attribute or skip\n"
         "    respondent: Respondent ID\n"
         "    ^\n"},
        {"unknown role of several words", "text: T\nRespondent ID = 3\n",
         "m.map:2:1: error: unknown role \"Respondent ID\": expected id, text, event, channel, date, question, "
         "attribute or skip\n"
         "    Respondent ID = 3\n"
         "    ^\n"},
        {"no role", "text: T\n: Comments\n",
         "m.map:2:1: error: expected a role (id, text, event, channel, date, question, attribute or skip), "
         "then \":\" and a column\n"
         "    : Comments\n"
         "    ^\n"},
        {"no separator", "text: T\nid Respondent\n",
         "m.map:2:4: error: expected \":\" and a column, or \"=\" and a value, after \"id\"\n"
         "    id Respondent\n"
         "       ^\n"},
        {"no column", "text: T\nid:   # none\n",
         "m.map:2:7: error: \"id\" needs a column: \"id: COLUMN\"\n"
         "    id:   # none\n"
         "          ^\n"},
        {"id twice", "id: A\ntext: T\nid: B\n",
         "m.map:3:3: error: \"id\" is given twice (first on line 1)\n"
         "    id: B\n"
         "      ^\n"},
        {"event constant twice", "text: T\nevent = A\nevent = B\n",
         "m.map:3:7: error: \"event\" is given twice (first on line 2)\n"
         "    event = B\n"
         "          ^\n"},
        {"date as a column and a constant", "text: T\ndate: Start Date\ndate = 2014-06-01\n",
         "m.map:3:6: error: \"date\" is given both as a column (line 2) and as a constant: keep one\n"
         "    date = 2014-06-01\n"
         "         ^\n"},
        {"channel as a constant and a column", "text: T\nchannel = Online\nchannel: Method\n",
         "m.map:3:8: error: \"channel\" is given both as a constant (line 2) and as a column: keep one\n"
         "    channel: Method\n"
         "           ^\n"},
        {"'=' with id", "text: T\nid = 7\n",
         "m.map:2:4: error: \"id\" takes a column (\"id: COLUMN\"), not a value after \"=\"\n"
         "    id = 7\n"
         "       ^\n"},
        {"'=' with text", "text = Hello\n",
         "m.map:1:6: error: \"text\" takes a column (\"text: COLUMN\"), not a value after \"=\"\n"
         "    text = Hello\n"
         "         ^\n"
         "m.map:2:1: error: no text column: add a line \"text: COLUMN\"\n"},
        {"'=' with skip", "text: T\nskip = Email\n",
         "m.map:2:6: error: \"skip\" takes columns (\"skip: COLUMN, COLUMN\"), not a value after \"=\"\n"
         "    skip = Email\n"
         "         ^\n"},
        {"'=' with attribute", "text: T\nattribute = Age\n",
         "m.map:2:11: error: \"attribute\" takes a name and a column (\"attribute NAME: COLUMN\"), not a value "
         "after \"=\"\n"
         "    attribute = Age\n"
         "              ^\n"},
        {"'=' with an attribute name", "text: T\nattribute age_band = Age\n",
         "m.map:2:20: error: \"attribute\" takes a column (\"attribute age_band: COLUMN\"), not a value after "
         "\"=\"\n"
         "    attribute age_band = Age\n"
         "                       ^\n"},
        {"bad date constant", "text: T\ndate = 31/06/2014\n",
         "m.map:2:8: error: date \"31/06/2014\" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)\n"
         "    date = 31/06/2014\n"
         "           ^\n"},
        {"empty constant", "text: T\nquestion =\n",
         "m.map:2:11: error: \"question =\" needs a value: \"question = VALUE\"\n"
         "    question =\n"
         "              ^\n"},
        {"value map not under an attribute", "text: T\n  Yes -> yes\n",
         "m.map:2:3: error: an indented \"FROM -> TO\" line maps values of the attribute above it, but there is "
         "none: put it under \"attribute NAME: COLUMN\"\n"
         "      Yes -> yes\n"
         "      ^\n"},
        {"value map after another statement", "attribute carer: Carer?\ntext: T\n  Yes -> yes\n",
         "m.map:3:3: error: an indented \"FROM -> TO\" line maps values of the attribute above it, but there is "
         "none: put it under \"attribute NAME: COLUMN\"\n"
         "      Yes -> yes\n"
         "      ^\n"},
        {"value map indented by one space", "text: T\nattribute carer: Carer?\n Yes -> yes\n",
         "m.map:3:1: error: indent a \"FROM -> TO\" line by two or more spaces, and start every other line in "
         "the first column\n"
         "     Yes -> yes\n"
         "    ^\n"},
        {"missing ->", "text: T\nattribute carer: Carer?\n  Yes => yes\n  \"No\" no\n",
         "m.map:3:13: error: expected \"->\" and the value to store: \"FROM -> TO\"\n"
         "      Yes => yes\n"
         "                ^\n"
         "m.map:4:8: error: expected \"->\" and the value to store: \"FROM -> TO\"\n"
         "      \"No\" no\n"
         "           ^\n"},
        {"empty sides of ->", "text: T\nattribute carer: Carer?\n  -> yes\n  No ->   # nothing\n",
         "m.map:3:3: error: expected the value as written before \"->\": \"FROM -> TO\"\n"
         "      -> yes\n"
         "      ^\n"
         "m.map:4:11: error: expected the value to store after \"->\": \"FROM -> TO\"\n"
         "      No ->   # nothing\n"
         "              ^\n"},
        {"a value mapped twice, ignoring case", "text: T\nattribute carer: Carer?\n  Yes -> yes\n  YES -> no\n",
         "m.map:4:3: error: \"YES\" is mapped twice (first on line 3)\n"
         "      YES -> no\n"
         "      ^\n"},
        {"unclosed quote", "text: \"What could be better?\nattribute carer: Carer?\n  \"Yes -> yes\n",
         "m.map:1:7: error: this quote has no closing quote (write a quote inside quotes as \"\")\n"
         "    text: \"What could be better?\n"
         "          ^\n"
         "m.map:3:3: error: this quote has no closing quote (write a quote inside quotes as \"\")\n"
         "      \"Yes -> yes\n"
         "      ^\n"},
        {"text after a quoted name", "text: \"What could\" be better\n",
         "m.map:1:20: error: unexpected text after the column name (put a name holding '\"' or ' #' in "
         "quotes)\n"
         "    text: \"What could\" be better\n"
         "                       ^\n"},
        {"bad attribute name", "text: T\nattribute Age Band: What is your age?\n  Under 18 -> 16-24\n",
         "m.map:2:11: error: attribute name \"Age Band\" is not snake_case (lower-case letters, digits and '_', "
         "starting with a letter): write \"age_band\"\n"
         "    attribute Age Band: What is your age?\n"
         "              ^\n"},
        {"attribute name starting with a digit", "text: T\nattribute 2nd_language: Language\n",
         "m.map:2:11: error: attribute name \"2nd_language\" is not snake_case (lower-case letters, digits and "
         "'_', starting with a letter)\n"
         "    attribute 2nd_language: Language\n"
         "              ^\n"},
        {"attribute with no name", "text: T\nattribute: Age\n",
         "m.map:2:10: error: expected an attribute name: \"attribute NAME: COLUMN\"\n"
         "    attribute: Age\n"
         "             ^\n"},
        {"attribute given twice", "text: T\nattribute carer: A\nattribute carer: B\n",
         "m.map:3:11: error: attribute \"carer\" is given twice (first on line 2)\n"
         "    attribute carer: B\n"
         "              ^\n"},
        {"attribute with no column", "text: T\nattribute carer:\n",
         "m.map:2:17: error: \"attribute carer\" needs a column: \"attribute carer: COLUMN\"\n"
         "    attribute carer:\n"
         "                    ^\n"},
        {"empty name in a skip list", "text: T\nskip: Email, , Name\n",
         "m.map:2:14: error: expected a column name (\"skip: COLUMN, COLUMN\")\n"
         "    skip: Email, , Name\n"
         "                 ^\n"},
        {"no text column, file without a final line end", "id: Respondent ID",
         "m.map:1:18: error: no text column: add a line \"text: COLUMN\"\n"
         "    id: Respondent ID\n"
         "                     ^\n"},
        {"no text column, empty file", "", "m.map:1:1: error: no text column: add a line \"text: COLUMN\"\n"},
        {"columns in code points", "text: T\nd\xC3\xA9te: Start\n",
         "m.map:2:1: error: unknown role \"d\xC3\xA9te\": expected id, text, event, channel, date, question, "
         "attribute or skip\n"
         "    d\xC3\xA9te: Start\n"
         "    ^\n"},
        {"caret in code points", "text: T\nevent = \"\xC3\xA9t\xC3\xA9\" x\n",
         "m.map:2:15: error: unexpected text after the value (put a name holding '\"' or ' #' in quotes)\n"
         "    event = \"\xC3\xA9t\xC3\xA9\" x\n"
         "                  ^\n"},
    };
    for (const Case& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        CHECK(errors(parse_map_file(c.text, "m.map")) == c.errors);
    }
}

TEST_CASE("map file: good statements after bad ones are kept") {
    MapFileParse parse = parse_map_file(
        "respondent: X\n"
        "id: Respondent ID\n"
        "attribute Carer: Are you a carer?\n"
        "  Yes -> yes\n"
        "text: Comments\n",
        "m.map");
    CHECK(parse.errors.size() == 2);
    CHECK(refs(parse.map.id) == "Respondent ID @m.map:2:5");
    CHECK(refs(parse.map.text) == "Comments @m.map:5:7");
    CHECK(parse.map.attributes.empty());
}

}  // namespace
}  // namespace yousaid
