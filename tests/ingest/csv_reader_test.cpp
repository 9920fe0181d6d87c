#include "ingest/csv_reader.h"

#include <doctest/doctest.h>

#include "ingest/column_roles.h"
#include "ingest/csv_grammar.h"

namespace yousaid {
namespace {

// Records in the file, not counting the header, as the grammar sees them.
std::size_t records_after_header(const std::string& text) {
    const std::size_t n = parse_csv(text, "f.csv").size();
    return n == 0 ? 0 : n - 1;
}

std::string attributes_of(const RawResponse& r) {
    std::string out;
    for (const auto& [name, value] : r.attributes) out += (out.empty() ? "" : ";") + name + "=" + value;
    return out;
}

TEST_CASE("csv reader: header names find roles; other columns are attributes") {
    struct Case {
        const char* header;
        const char* roles;  // each column as role:name
    } cases[] = {
        {"Response ID,Comments,Event,Method,Submitted,Topic",
         "id:response_id text:comments event:event channel:method date:submitted question:topic"},
        {"respondent_id,ANSWER,response-date,Age band,Long-term condition",
         "id:respondent_id text:answer date:response_date attribute:age_band attribute:long_term_condition"},
        {" ref , Feed Back ,Channel,Question,Date", "id:ref text:feed_back channel:channel question:question date:date"},
        {"id,text,Text,Age band,Age band,age_band", "id:id text:text attribute:text_2 attribute:age_band "
                                                    "attribute:age_band_2 attribute:age_band_3"},
        {"Comment,Comments", "text:comment attribute:comments"},  // first column for a role takes it
        {"text,,Parent (under 5)?", "text:text attribute:column_2 attribute:parent_under_5"},
        {"Response,Comment?", "text:response attribute:comment"},  // only case, spaces, - and _ are ignored
    };
    const char* role_names[] = {"id", "text", "event", "channel", "date", "question", "attribute"};
    for (const Case& c : cases) {
        std::vector<std::string> header;
        const std::vector<CsvRecord> records = parse_csv(c.header, "f.csv");
        for (const CsvField& f : records.at(0).fields) header.push_back(f.value);
        std::string roles;
        for (const Column& col : assign_column_roles(header))
            roles += (roles.empty() ? "" : " ") + std::string(role_names[int(col.role)]) + ":" + col.name;
        CHECK(roles == c.roles);
    }
}

TEST_CASE("csv reader: good rows") {
    const std::string text =
        "\xEF\xBB\xBFID,Event,Channel,Date,Question,Comment,Age band,Carer\r\n"
        "R1,Online survey,Web, 2014-06-03 ,Q1,\"  One number, please. \",65-74,yes\r\n"
        "R2,,,03/06/2014,,\"Two\r\nlines\",,\r\n"
        "\r\n"
        "R3,,,,,Third,,No";
    const ReadResult result = read_csv_responses(text, "f.csv");
    REQUIRE(result.rejected.empty());
    REQUIRE(result.responses.size() == 3);
    const RawResponse& r1 = result.responses[0];
    CHECK(r1.where.file == "f.csv");
    CHECK(r1.where.line == 2);
    CHECK(r1.where.column == 1);
    CHECK(r1.source_id == "R1");
    CHECK(r1.event == "Online survey");
    CHECK(r1.channel == "Web");
    CHECK(r1.date == "2014-06-03");
    CHECK(r1.question == "Q1");
    CHECK(r1.text == "One number, please.");
    CHECK(attributes_of(r1) == "age_band=65-74;carer=yes");
    CHECK(result.responses[1].text == "Two\r\nlines");
    CHECK(result.responses[1].date == "2014-06-03");
    CHECK(attributes_of(result.responses[1]) == "");  // empty attributes are left out
    CHECK(result.responses[2].where.line == 6);
    CHECK(attributes_of(result.responses[2]) == "carer=No");
}

TEST_CASE("csv reader: rejected rows, with whole messages") {
    struct Case {
        const char* text;
        std::size_t responses;
        const char* error;  // the first rejection's whole diagnostic
        const char* raw;
    } cases[] = {
        {"id,text,date\nR1,hi,2014-06-03\nR2,there,31/06/2014\n", 1,
         "f.csv:3:10: error: date \"31/06/2014\" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)\n"
         "    R2,there,31/06/2014\n"
         "             ^\n",
         "R2,there,31/06/2014\n"},
        {"id,text,date\nR1,hi, June \n", 0,
         "f.csv:2:7: error: date \"June\" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)\n"
         "    R1,hi, June \n"
         "          ^\n",
         "R1,hi, June \n"},
        {"id,text,age\nR1,  ,65\nR2,ok,70\n", 1,
         "f.csv:2:4: error: the response text is empty\n"
         "    R1,  ,65\n"
         "       ^\n",
         "R1,  ,65\n"},
        {"id,text\nR1,\"a\nb\",\"\"\n", 0,
         "f.csv:2:1: error: row has 3 fields but the header has 2\n"
         "    R1,\"a\n"
         "    ^\n",
         "R1,\"a\nb\",\"\"\n"},
        {"id,text,age\nR1\n", 0,
         "f.csv:2:1: error: row has 1 field but the header has 3\n"
         "    R1\n"
         "    ^\n",
         "R1\n"},
        {"id,text\nR1,say \"hi\"\nR2,ok\n", 1,
         "f.csv:2:8: error: stray quote in an unquoted field (put the field in quotes and write a quote as \"\")\n"
         "    R1,say \"hi\"\n"
         "           ^\n",
         "R1,say \"hi\"\n"},
        {"id,text\nR1,\"never closed\nR2,ok\n", 0,
         "f.csv:2:4: error: quoted field has no closing quote (the rest of the file is in this field)\n"
         "    R1,\"never closed\n"
         "       ^\n",
         "R1,\"never closed\nR2,ok\n"},
        {"\xEF\xBB\xBFid,age\nR1,65\nR2,70\n", 0,
         "f.csv:1:1: error: no text column: expected a column named one of text, response, comment, comments, "
         "feedback, answer, open questions whose answers are free text, or a map (--map) that names them\n"
         "    id,age\n"
         "    ^\n",
         "id,age\nR1,65\nR2,70\n"},
        {"id,\"te\"xt\nR1,hi\n", 0,
         "f.csv:1:8: error: text after the closing quote (inside quotes, write a quote as \"\")\n"
         "    id,\"te\"xt\n"
         "           ^\n",
         "id,\"te\"xt\nR1,hi\n"},
    };
    for (const Case& c : cases) {
        const std::string text = c.text;
        CAPTURE(text);
        const ReadResult result = read_csv_responses(text, "f.csv");
        CHECK(result.responses.size() == c.responses);
        REQUIRE_FALSE(result.rejected.empty());
        CHECK(result.rejected[0].diagnostic.format() == c.error);
        CHECK(result.rejected[0].raw == c.raw);
        const bool header_rejected = result.rejected[0].diagnostic.where.line == 1;
        CHECK(result.responses.size() + result.rejected.size() ==
              (header_rejected ? 1 : records_after_header(text)));
    }
}

TEST_CASE("csv reader: counts add up over a mixed file") {
    const std::string text =
        "id,text,date\n"
        "1,good,2014-06-03\n"
        "2,,2014-06-03\n"
        "3,bad date,2014-02-30\n"
        "4,\"stray\"quote\n"
        "5,too,many,fields\n"
        "\n"
        "6,good again,\n";
    const ReadResult result = read_csv_responses(text, "f.csv");
    CHECK(result.responses.size() == 2);
    CHECK(result.rejected.size() == 4);
    CHECK(result.responses.size() + result.rejected.size() == records_after_header(text));
}

TEST_CASE("csv reader: an empty file or a header alone has no records") {
    CHECK(read_csv_responses("", "f.csv").responses.empty());
    CHECK(read_csv_responses("", "f.csv").rejected.empty());
    CHECK(read_csv_responses("id,text\n", "f.csv").rejected.empty());
}

}  // namespace
}  // namespace yousaid
