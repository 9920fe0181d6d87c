#include "ingest/panel_notes_reader.h"

#include <doctest/doctest.h>

namespace yousaid {
namespace {

std::string attributes_of(const RawResponse& r) {
    std::string out;
    for (const auto& [name, value] : r.attributes) out += (out.empty() ? "" : ";") + name + "=" + value;
    return out;
}

TEST_CASE("panel notes: the README example") {
    const std::string text =
        "# Comments start with '#'.\n"
        "event: Congleton stakeholder panel\n"
        "channel: Stakeholder panel\n"
        "date: 2014-05-21\n"
        "place: Congleton\n"
        "attendees: 40\n"
        "\n"
        "topic: One point of access\n"
        "- One number to ring would be a major benefit, particularly in primary care.\n"
        "- People were confused about who to call out of hours and said the\n"
        "  leaflets use too much jargon.\n"
        "- {carer: yes} As a carer I spend hours on the phone being passed around.\n";
    const ReadResult result = read_panel_notes(text, "notes.txt");
    CHECK(result.rejected.empty());
    REQUIRE(result.responses.size() == 3);
    const RawResponse& first = result.responses[0];
    CHECK(first.event == "Congleton stakeholder panel");
    CHECK(first.channel == "Stakeholder panel");
    CHECK(first.date == "2014-05-21");
    CHECK(first.question == "One point of access");
    CHECK(attributes_of(first) == "attendees=40;place=Congleton");
    CHECK(first.where.file == "notes.txt");
    CHECK(first.where.line == 9);
    CHECK(first.where.column == 3);
    CHECK(result.responses[1].text ==
          "People were confused about who to call out of hours and said the leaflets use too much jargon.");
    const RawResponse& third = result.responses[2];
    CHECK(third.text == "As a carer I spend hours on the phone being passed around.");
    CHECK(third.where.line == 12);
    CHECK(third.where.column == 16);
    CHECK(attributes_of(third) == "attendees=40;carer=yes;place=Congleton");
}

TEST_CASE("panel notes: good forms") {
    struct Case {
        const char* text;
        const char* responses;  // each as line:column|text|attributes, separated by " / "
    } cases[] = {
        {"- a\n- b", "1:3|a| / 2:3|b|"},
        {"- a\r\n  b\r\n\tc\r\n", "1:3|a b c|"},                                  // CRLF; tab indents too
        {"-   spaced  \n", "1:5|spaced|"},
        {"- {Age band: 65-74; carer: ; lives-alone: yes;} x", "1:49|x|age_band=65-74;lives_alone=yes"},
        {"- {carer: yes}\n  text on the next line", "1:15|text on the next line|carer=yes"},
        {"title: T\nplace: P\n- a\nplace:\n- b", "3:3|a|place=P;title=T / 5:3|b|title=T"},  // empty unsets
        {"Event: E\n- a", "2:3|a|"},                                                   // keys in any case
        {"\xEF\xBB\xBF- caf\xC3\xA9\n", "1:3|caf\xC3\xA9|"},
        {"- {x: \xC3\xA9} y", "1:10|y|x=\xC3\xA9"},                                   // column in code points
        {"", ""},
        {"# only a comment\n\n   \n", ""},
    };
    for (const Case& c : cases) {
        const std::string text = c.text;
        CAPTURE(text);
        const ReadResult result = read_panel_notes(text, "n.txt");
        CHECK(result.rejected.empty());
        std::string out;
        for (const RawResponse& r : result.responses)
            out += (out.empty() ? "" : " / ") + std::to_string(r.where.line) + ":" +
                   std::to_string(r.where.column) + "|" + r.text + "|" + attributes_of(r);
        CHECK(out == c.responses);
    }
}

TEST_CASE("panel notes: bad lines are reported and the rest is read") {
    struct Case {
        const char* text;
        std::size_t responses;
        const char* error;  // the first rejection's whole diagnostic
        const char* raw;
    } cases[] = {
        {"venue: Town hall\n- a\n", 1,
         "n.txt:1:1: error: unknown key \"venue\": expected one of title, event, channel, date, place, attendees, topic\n"
         "    venue: Town hall\n"
         "    ^\n",
         "venue: Town hall\n"},
        {"date: 2014-02-30\n- a\n", 1,
         "n.txt:1:7: error: date \"2014-02-30\" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)\n"
         "    date: 2014-02-30\n"
         "          ^\n",
         "date: 2014-02-30\n"},
        {"attendees:  about 40\n- a\n", 1,
         "n.txt:1:13: error: attendees \"about 40\" is not a number\n"
         "    attendees:  about 40\n"
         "                ^\n",
         "attendees:  about 40\n"},
        {"topic: T\n  stray words\n- a\n", 1,
         "n.txt:2:3: error: indented line with no point before it (a point starts with \"- \")\n"
         "      stray words\n"
         "      ^\n",
         "  stray words\n"},
        {"- a\n\n  after a blank line\n", 1,
         "n.txt:3:3: error: indented line with no point before it (a point starts with \"- \")\n"
         "      after a blank line\n"
         "      ^\n",
         "  after a blank line\n"},
        {"-no space\n- a\n", 1,
         "n.txt:1:1: error: expected \"- \" to start a point, \"key: value\", or a comment\n"
         "    -no space\n"
         "    ^\n",
         "-no space\n"},
        {"People said: lots\n", 0,
         "n.txt:1:1: error: expected \"- \" to start a point, \"key: value\", or a comment\n"
         "    People said: lots\n"
         "    ^\n",
         "People said: lots\n"},
        {"- {carer: yes text\n  more\n- a\n", 1,
         "n.txt:1:3: error: \"{\" opens attributes but this line has no \"}\" to close them\n"
         "    - {carer: yes text\n"
         "      ^\n",
         "- {carer: yes text\n  more\n"},
        {"- {carer yes} text\n", 0,
         "n.txt:1:4: error: expected \"name: value\" in the attributes\n"
         "    - {carer yes} text\n"
         "       ^\n",
         "- {carer yes} text\n"},
        {"- {carer: yes}\n- a\n", 1,
         "n.txt:1:15: error: the point has no text\n"
         "    - {carer: yes}\n"
         "                  ^\n",
         "- {carer: yes}\n"},
    };
    for (const Case& c : cases) {
        const std::string text = c.text;
        CAPTURE(text);
        const ReadResult result = read_panel_notes(text, "n.txt");
        CHECK(result.responses.size() == c.responses);
        REQUIRE(result.rejected.size() == 1);
        CHECK(result.rejected[0].diagnostic.format() == c.error);
        CHECK(result.rejected[0].raw == c.raw);
    }
}

TEST_CASE("panel notes: a bad key line unsets the field; counts add up") {
    const std::string text =
        "date: 2014-05-21\n"
        "- a\n"
        "date: 21/05/14\n"
        "- b\n"
        "venue: x\n"
        "  orphan\n"
        "- c\n";
    const ReadResult result = read_panel_notes(text, "n.txt");
    REQUIRE(result.responses.size() == 3);
    CHECK(result.responses[0].date == "2014-05-21");
    CHECK(result.responses[1].date == "");
    CHECK(result.rejected.size() == 3);  // bad date, unknown key, orphan continuation
}

}  // namespace
}  // namespace yousaid
