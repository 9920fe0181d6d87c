// Files shaped like what engagement teams bring: exports of SurveyMonkey, Smart
// Survey, Microsoft Forms (XLSX), Citizen Space, and Excel's "CSV UTF-8",
// "CSV (Comma delimited)" and "Unicode Text", read end to end by read_input.
#include <xlsxwriter.h>

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "ingest/input_file.h"
#include "ingest/map_file.h"
#include "tests/test_support.h"

using namespace yousaid;

namespace {

std::string responses_summary(const ReadResult& read) {
    std::string out;
    for (const RawResponse& r : read.responses) {
        out += r.source_id + "|" + r.date + "|" + r.question + "|" + r.text;
        for (const auto& [k, v] : r.attributes) out += "|" + k + "=" + v;
        out += "\n";
    }
    return out;
}

std::string utf16le(const std::string& ascii_or_utf8) {
    // Enough for the fixtures: every character below U+FFFF.
    std::string out = "\xFF\xFE";
    for (std::size_t i = 0; i < ascii_or_utf8.size();) {
        unsigned char c = ascii_or_utf8[i];
        unsigned code;
        if (c < 0x80) code = c, i += 1;
        else if ((c & 0xE0) == 0xC0) code = ((c & 0x1F) << 6) | (ascii_or_utf8[i + 1] & 0x3F), i += 2;
        else code = ((c & 0x0F) << 12) | ((ascii_or_utf8[i + 1] & 0x3F) << 6) | (ascii_or_utf8[i + 2] & 0x3F), i += 3;
        out += static_cast<char>(code & 0xFF);
        out += static_cast<char>(code >> 8);
    }
    return out;
}

}  // namespace

TEST_CASE("SurveyMonkey: two header rows, open questions become one response each, personal columns dropped") {
    std::string csv =
        "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,"
        "What works well about care for you now?,What could be better?,How old are you?,Which of these apply to you?,\r\n"
        ",,,,,,,,Open-Ended Response,Open-Ended Response,Response,I am a carer,Other (please specify)\r\n"
        "11862,2234,03/06/2014 10:15:32,03/06/2014 10:21:02,81.2.69.160,jo@example.com,Jo,Bloggs,"
        "\"The district nurses are brilliant, they come every week.\",Getting a GP appointment is impossible before 10am.,"
        "18 to 24,I am a carer,\r\n"
        "11863,2234,04/06/2014 09:01:00,04/06/2014 09:05:00,81.2.69.161,,,,,The bus to Macclesfield hospital only runs twice a day.,"
        "65 or over,,Lives alone\r\n"
        "11864,2234,04/06/2014 11:00:00,04/06/2014 11:02:00,81.2.69.162,,,,,,45 to 54,,\r\n";
    InputRead in = read_input("survey.csv", csv, {});
    REQUIRE(in.errors.empty());
    CHECK(in.format == "CSV");
    CHECK(in.header.rows == 2);
    CHECK(in.header.columns[11].name == "Which of these apply to you? / I am a carer");
    CHECK(in.header.columns[12].name == "Which of these apply to you? / Other (please specify)");
    CHECK(responses_summary(in.read) ==
          "11862-q1|2014-06-03|What works well about care for you now?|The district nurses are brilliant, they come "
          "every week.|age_band=18-24|carer=yes|collector_id=2234|end_date=03/06/2014 10:21:02\n"
          "11862-q2|2014-06-03|What could be better?|Getting a GP appointment is impossible before 10am.|age_band=18-24|"
          "carer=yes|collector_id=2234|end_date=03/06/2014 10:21:02\n"
          "11863-q2|2014-06-04|What could be better?|The bus to Macclesfield hospital only runs twice a day.|"
          "age_band=65+|collector_id=2234|end_date=04/06/2014 09:05:00|which_of_these_apply_to_you_other_please=Lives alone\n");
    // The respondent who answered no open question is rejected, at the first open question.
    REQUIRE(in.read.rejected.size() == 1);
    CHECK(in.read.rejected[0].diagnostic.headline() ==
          "survey.csv:5:67: error: no answer to any of the 2 open questions");
    // Names, email and IP addresses are never kept.
    for (const RawResponse& r : in.read.responses) {
        for (const auto& [k, v] : r.attributes) {
            CHECK(v.find("example.com") == std::string::npos);
            CHECK(v != "Jo");
            CHECK(v.find("81.2.69") == std::string::npos);
        }
    }
}

TEST_CASE("Smart Survey: one header row, numbered questions, semicolons are not needed to be found") {
    std::string csv =
        "UserID,Started,Ended,IP Address,Email,Name,1. What matters most to you about care in the future?,"
        "2. What is your postcode?,3. Are you a carer?\n"
        "901,2014-06-10 12:00:00,2014-06-10 12:04:00,10.0.0.1,,,\"Being seen by someone who knows me, not a stranger each time.\",SK10 3BL,Yes\n"
        "902,2014-06-11 08:00:00,2014-06-11 08:03:00,10.0.0.2,,,Care closer to home so my husband can visit.,CW12 1AB,No\n";
    InputRead in = read_input("smart.csv", csv, {});
    REQUIRE(in.errors.empty());
    CHECK(in.header.rows == 1);
    CHECK(responses_summary(in.read) ==
          "901|2014-06-10|1. What matters most to you about care in the future?|Being seen by someone who knows me, "
          "not a stranger each time.|carer=Yes|ended=2014-06-10 12:04:00|postcode_district=SK10\n"
          "902|2014-06-11|1. What matters most to you about care in the future?|Care closer to home so my husband "
          "can visit.|carer=No|ended=2014-06-11 08:03:00|postcode_district=CW12\n");
}

TEST_CASE("Citizen Space: respondent's name and email questions are dropped, full postcodes cut to the district") {
    std::string csv =
        "Response ID,Submitted on,What is your name?,What is your email address?,What is your postcode?,"
        "Do you have any comments on the proposals?\n"
        "ANON-QJ5K-1A2B-C,21/07/2014 14:32,Jean Hughes,jean@example.org,SK11 6AB,"
        "I support the plan but worry about transport from the villages.\n";
    InputRead in = read_input("citizen-space.csv", csv, {});
    REQUIRE(in.errors.empty());
    REQUIRE(in.read.responses.size() == 1);
    const RawResponse& r = in.read.responses[0];
    CHECK(r.source_id == "ANON-QJ5K-1A2B-C");
    CHECK(r.date == "2014-07-21");
    CHECK(r.attributes == std::map<std::string, std::string>{{"postcode_district", "SK11"}});
    CHECK(r.question == "Do you have any comments on the proposals?");
}

TEST_CASE("Excel's Unicode Text: UTF-16LE, tab-separated, saved as .txt, is a table not panel notes") {
    std::string text = "ID\tComment\tAge band\r\n1\tThe café at the hospital charges £3 for tea\t65-74\r\n";
    InputRead in = read_input("export.txt", utf16le(text), {});
    REQUIRE(in.errors.empty());
    CHECK(in.format == "TSV");
    CHECK(in.encoding == "UTF-16LE with BOM");
    CHECK(responses_summary(in.read) == "1|||The café at the hospital charges £3 for tea|age_band=65-74\n");
}

TEST_CASE("Excel's CSV (Comma delimited) on Windows: Windows-1252 is converted") {
    std::string csv = "id,comment\n1,Parking costs \xA3" "6 and the caf\xE9 shuts at 4 \x93" "every day\x94\n";
    InputRead in = read_input("windows.csv", csv, {});
    REQUIRE(in.errors.empty());
    CHECK(in.encoding == "Windows-1252");
    REQUIRE(in.read.responses.size() == 1);
    CHECK(in.read.responses[0].text == "Parking costs £6 and the café shuts at 4 “every day”");
}

TEST_CASE("semicolon-separated CSV, as Excel writes in many European locales") {
    InputRead in = read_input("semi.csv", "id;comment;date\n1;Too much jargon, honestly;2014-06-01\n", {});
    REQUIRE(in.errors.empty());
    CHECK(in.format == "semicolon-separated");
    CHECK(responses_summary(in.read) == "1|2014-06-01||Too much jargon, honestly\n");
}

TEST_CASE("Microsoft Forms (XLSX): date-times, personal columns dropped, open questions kept") {
    yousaid::testing::TempDir dir;
    std::string path = dir.path("forms.xlsx");
    lxw_workbook* book = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Sheet1");
    lxw_format* when = workbook_add_format(book);
    format_set_num_format(when, "dd/mm/yyyy hh:mm");
    const char* header[] = {"ID", "Start time", "Completion time", "Email", "Name", "What could be better?", "How old are you?"};
    for (int c = 0; c < 7; ++c) worksheet_write_string(sheet, 0, c, header[c], nullptr);
    lxw_datetime start = {2014, 7, 3, 9, 30, 0};
    worksheet_write_number(sheet, 1, 0, 1, nullptr);
    worksheet_write_datetime(sheet, 1, 1, &start, when);
    worksheet_write_datetime(sheet, 1, 2, &start, when);
    worksheet_write_string(sheet, 1, 3, "anonymous", nullptr);
    worksheet_write_string(sheet, 1, 5, "Evening appointments so I don’t lose a day’s pay.", nullptr);
    worksheet_write_string(sheet, 1, 6, "25-34", nullptr);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);

    std::ifstream file(path, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    InputRead in = read_input(path, bytes, {});
    REQUIRE(in.errors.empty());
    CHECK(in.format == "XLSX");
    CHECK(in.sheet == "Sheet1");
    CHECK(responses_summary(in.read) ==
          "1|2014-07-03|What could be better?|Evening appointments so I don’t lose a day’s pay.|"
          "age_band=25-34|completion_time=2014-07-03 09:30\n");
}

TEST_CASE("JSON Lines") {
    InputRead in = read_input("feed.jsonl",
                              "{\"id\": \"a1\", \"text\": \"More home visits please\", \"channel\": \"Web form\"}\n"
                              "{\"id\": \"a2\", \"text\": \"\"}\n",
                              {});
    REQUIRE(in.errors.empty());
    CHECK(in.format == "JSON Lines");
    CHECK(responses_summary(in.read) == "a1|||More home visits please\n");
    REQUIRE(in.read.rejected.size() == 1);
    CHECK(in.read.rejected[0].diagnostic.message == "the response text is empty");
}

TEST_CASE("a column map names what the header does not make plain, and maps values") {
    MapFileParse map = parse_map_file(
        "id: Ref\ntext: Tell us more\nevent = Poynton drop-in\ndate = 2014-06-20\n"
        "attribute age_band: Age\n  \"Under 25\" -> 16-24\nskip: Notes\n",
        "m.map");
    REQUIRE(map.errors.empty());
    InputOptions options;
    options.map = &map.map;
    InputRead in = read_input("dropin.csv", "Ref,Tell us more,Age,Notes\nP1,Less jargon in letters,Under 25,called back\n",
                              options);
    REQUIRE(in.errors.empty());
    REQUIRE(in.read.responses.size() == 1);
    const RawResponse& r = in.read.responses[0];
    CHECK(r.source_id == "P1");
    CHECK(r.event == "Poynton drop-in");
    CHECK(r.date == "2014-06-20");
    CHECK(r.text == "Less jargon in letters");
    CHECK(r.question.empty());
    CHECK(r.attributes == std::map<std::string, std::string>{{"age_band", "16-24"}});

    MapFileParse missing = parse_map_file("text: Comments please\n", "m.map");
    options.map = &missing.map;
    InputRead refused = read_input("dropin.csv", "Ref,Tell us more\nP1,x\n", options);
    REQUIRE(refused.errors.size() >= 1);
    CHECK(refused.errors[0].headline() ==
          "m.map:1:7: error: no column \"Comments please\" in dropin.csv (columns: \"Ref\", \"Tell us more\")");
}

TEST_CASE("a file in no accepted encoding is refused whole, at its first bad byte") {
    InputRead in = read_input("bin.csv", std::string("id,text\n1,ok\x81\x82\n"), {});
    REQUIRE(in.errors.size() == 1);
    CHECK(in.errors[0].headline().rfind("bin.csv:2:5: error: byte 0x81 at offset 12", 0) == 0);
    CHECK(in.read.responses.empty());
}

TEST_CASE("a file in another format is refused whole, saying what it is, read whole or a part at a time") {
    const std::string xls("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
    for (const std::string& name : {std::string("responses.xls"), std::string("responses.xlsx")}) {
        CAPTURE(name);
        InputRead in = read_input(name, xls, {});
        REQUIRE(in.errors.size() == 1);
        CHECK(in.errors[0].format().rfind("yousaid: " + name + ": an Excel 97-2003 workbook (.xls)", 0) == 0);
        CHECK(in.read.responses.empty());
        InputStream stream = open_input(name, xls, {});
        REQUIRE(stream.errors.size() == 1);
        CHECK(stream.errors[0].headline() == in.errors[0].headline());
    }
    InputStream empty = open_input("empty.csv", "", {});
    REQUIRE(empty.errors.size() == 1);
    CHECK(empty.errors[0].format() == "yousaid: empty.csv: the file is empty\n");
}

TEST_CASE("read for ingest (keep_table off): the same responses and rejects, without the table") {
    const std::string csv =
        "id,comment,age\n"
        "1,The bus to the hospital only runs twice a day.,65-74\n"
        "2,,18-24\n"
        "3,\"Too much jargon, honestly\",18-24\n"
        "4,one field too many,18-24,x\n";
    for (const char* name : {"feedback.csv", "feedback.jsonl"}) {
        CAPTURE(std::string(name));
        std::string bytes = csv;
        if (std::string(name).ends_with(".jsonl")) {
            bytes = "{\"id\": \"1\", \"comment\": \"The bus to the hospital only runs twice a day.\", \"age\": \"65-74\"}\n"
                    "{\"id\": \"2\", \"comment\": \"\", \"age\": \"18-24\"}\n"
                    "{\"id\": \"3\", \"comment\": \"Too much jargon, honestly\", \"age\": \"18-24\"}\n";
        }
        const InputRead kept = read_input(name, bytes, {});
        InputOptions for_ingest;
        for_ingest.keep_table = false;
        const InputRead taken = read_input(name, bytes, for_ingest);
        REQUIRE(kept.table.has_value());
        CHECK_FALSE(taken.table.has_value());
        CHECK(responses_summary(taken.read) == responses_summary(kept.read));
        CHECK(taken.read.responses.size() == 2);
        REQUIRE(taken.read.rejected.size() == kept.read.rejected.size());
        for (std::size_t i = 0; i < kept.read.rejected.size(); ++i) {
            CHECK(taken.read.rejected[i].diagnostic.format() == kept.read.rejected[i].diagnostic.format());
            CHECK(taken.read.rejected[i].raw == kept.read.rejected[i].raw);
        }
    }
}

TEST_CASE("read a part at a time (open_input): the same responses and rejects as a whole read") {
    // Delimited text is streamed: its header and mapping from its first rows,
    // then its records a part at a time. Other kinds are read whole and handed
    // out the same way.
    std::string csv =
        "Respondent ID,What could be better?,What works well?,Age\n"
        ",,Open-Ended Response,\n";  // a second header row: two open questions
    for (int i = 0; i < 250; ++i) {
        csv += std::to_string(i) + ",";
        csv += i % 50 == 7 ? "" : "\"Answer " + std::to_string(i) + ", with a comma, about the bus\"";
        csv += ",";
        csv += i % 50 == 7 ? "" : "The nurses number " + std::to_string(i) + " are kind";
        csv += i == 120 ? ",65-74,extra\n" : ",65-74\n";
    }
    const std::string jsonl = "{\"id\": \"1\", \"comment\": \"The bus is late.\", \"carer\": \"yes\"}\n"
                              "{\"id\": \"2\", \"comment\": \"\", \"carer\": \"\"}\n"
                              "{\"id\": \"3\", \"comment\": \"Too much jargon\", \"carer\": \"\"}\n";
    for (const auto& [name, bytes] : {std::pair<std::string, std::string>{"survey.csv", csv}, {"notes.jsonl", jsonl}}) {
        CAPTURE(name);
        InputOptions for_ingest;
        for_ingest.keep_table = false;
        const InputRead whole = read_input(name, bytes, for_ingest);
        InputStream stream = open_input(name, bytes, {});
        REQUIRE(stream.errors.empty());
        CHECK(stream.format == whole.format);
        CHECK(stream.encoding == whole.encoding);
        ReadResult parts;
        std::size_t calls = 0;
        while (stream.responses->read(7, parts)) {
            ++calls;
            CHECK(stream.responses->records_read() <= stream.responses->records_total());
        }
        CHECK(stream.responses->records_read() == stream.responses->records_total());
        CHECK(responses_summary(parts) == responses_summary(whole.read));
        REQUIRE(parts.rejected.size() == whole.read.rejected.size());
        for (std::size_t i = 0; i < parts.rejected.size(); ++i) {
            CHECK(parts.rejected[i].diagnostic.format() == whole.read.rejected[i].diagnostic.format());
            CHECK(parts.rejected[i].raw == whole.read.rejected[i].raw);
        }
        if (name == "survey.csv") {
            CHECK(parts.responses.size() == 2 * (250 - 6));
            CHECK(stream.responses->records_total() == 250);
            CHECK(calls == 36);  // 250 records, 7 a part
            CHECK(parts.rejected.size() == 6);  // 5 rows with no answer, 1 with a field too many
            CHECK(stream.attributes == std::vector<std::string>{"age_band"});
        } else {
            CHECK(parts.responses.size() == 2);
            CHECK(stream.attributes == std::vector<std::string>{"carer"});  // those with a value
        }
    }
}

TEST_CASE("read a part at a time: a file refused whole says why, with no responses") {
    InputStream bad = open_input("bin.csv", std::string("id,text\n1,ok\x81\x82\n"), {});
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].headline().rfind("bin.csv:2:5: error: byte 0x81 at offset 12", 0) == 0);
    InputStream no_text = open_input("numbers.csv", std::string("a,b\n1,2\n"), {});
    REQUIRE(no_text.errors.size() == 1);
    CHECK(no_text.errors[0].message.rfind("no text column", 0) == 0);
}
