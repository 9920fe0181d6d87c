#include "ingest/xlsx_reader.h"

#include <xlsxwriter.h>
#include <zip.h>

#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <iterator>
#include <utility>
#include <vector>

#include "tests/test_support.h"

namespace yousaid {
namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A real workbook written by libxlsxwriter: `fill` adds sheets and cells.
// With `constant_memory` strings are written inline (t="inlineStr") instead of
// as shared strings, as streaming writers do.
std::string workbook(const testing::TempDir& dir, const std::function<void(lxw_workbook*)>& fill,
                     bool constant_memory = false) {
    const std::string path = dir.path("book.xlsx");
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    REQUIRE(book);
    fill(book);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    return path;
}

// Adds or replaces parts of the zip at `path` (creating it when asked).
void put_parts(const std::string& path, const Parts& parts, bool create = false) {
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), create ? ZIP_CREATE | ZIP_TRUNCATE : 0, &error);
    REQUIRE(zip);
    for (const auto& [name, content] : parts) {
        zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
        REQUIRE(source);
        REQUIRE(zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(zip) == 0);
}

std::string get_part(const std::string& path, const std::string& name) {
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
    REQUIRE(zip);
    zip_file_t* file = zip_fopen(zip, name.c_str(), 0);
    REQUIRE(file);
    std::string out;
    char buffer[4096];
    zip_int64_t n;
    while ((n = zip_fread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
    zip_fclose(file);
    zip_discard(zip);
    return out;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// Records as "line: value|value|..." lines.
std::string render(const Table& table) {
    std::string out;
    for (const CsvRecord& record : table.records) {
        out += std::to_string(record.line) + ":";
        for (std::size_t i = 0; i < record.fields.size(); ++i) out += (i ? "|" : " ") + record.fields[i].value;
        out += "\n";
    }
    return out;
}

Table read_ok(const std::string& path, const std::string& sheet = "") {
    XlsxRead read = read_xlsx(file_bytes(path), "book.xlsx", sheet);
    INFO(read.error);
    REQUIRE(read.table);
    CHECK(read.error.empty());
    return std::move(*read.table);
}

TEST_CASE("xlsx: a Microsoft Forms export") {
    testing::TempDir dir;
    const std::string path = workbook(dir, [](lxw_workbook* book) {
        lxw_worksheet* sheet = workbook_add_worksheet(book, "Sheet1");
        lxw_format* when = workbook_add_format(book);
        format_set_num_format(when, "m/d/yy h:mm:ss");  // what Forms writes
        const char* header[] = {"ID", "Start time", "Completion time", "Email", "Name",
                                "What could be better?", "How old are you?"};
        for (lxw_col_t c = 0; c < 7; ++c) worksheet_write_string(sheet, 0, c, header[c], nullptr);
        lxw_datetime start1{2014, 7, 12, 9, 5, 30}, end1{2014, 7, 12, 9, 12, 0};
        lxw_datetime start2{2014, 7, 31, 23, 59, 59}, end2{2014, 8, 1, 0, 3, 0};
        worksheet_write_number(sheet, 1, 0, 1, nullptr);
        worksheet_write_datetime(sheet, 1, 1, &start1, when);
        worksheet_write_datetime(sheet, 1, 2, &end1, when);
        worksheet_write_string(sheet, 1, 3, "anonymous", nullptr);
        // Name (E2) left empty: the respondent did not give one.
        worksheet_write_string(sheet, 1, 5, "The bus to Macclesfield costs \xC2\xA3" "6.50 and the caf\xC3\xA9 shuts at 3",
                               nullptr);
        worksheet_write_string(sheet, 1, 6, "65-74", nullptr);
        worksheet_write_number(sheet, 2, 0, 2, nullptr);
        worksheet_write_datetime(sheet, 2, 1, &start2, when);
        worksheet_write_datetime(sheet, 2, 2, &end2, when);
        worksheet_write_string(sheet, 2, 3, "jo@example.org", nullptr);
        worksheet_write_string(sheet, 2, 4, "Jo Bloggs", nullptr);
        worksheet_write_string(sheet, 2, 5, "\xE2\x80\x9CJoined-up\xE2\x80\x9D care, please \xE2\x80\x94 it\xE2\x80\x99s overdue",
                               nullptr);
        worksheet_write_string(sheet, 2, 6, "75-84", nullptr);
    });
    const Table table = read_ok(path);
    CHECK(table.format == "XLSX");
    CHECK(table.encoding == "");
    CHECK(table.sheet == "Sheet1");
    CHECK(render(table) ==
          "1: ID|Start time|Completion time|Email|Name|What could be better?|How old are you?\n"
          "2: 1|2014-07-12 09:05|2014-07-12 09:12|anonymous||The bus to Macclesfield costs \xC2\xA3" "6.50 and "
          "the caf\xC3\xA9 shuts at 3|65-74\n"
          "3: 2|2014-07-31 23:59|2014-08-01 00:03|jo@example.org|Jo Bloggs|\xE2\x80\x9CJoined-up\xE2\x80\x9D care, "
          "please \xE2\x80\x94 it\xE2\x80\x99s overdue|75-84\n");

    const CsvRecord& second = table.records[1];
    CHECK(second.line == 2);
    CHECK(second.raw ==
          "1\t2014-07-12 09:05\t2014-07-12 09:12\tanonymous\t\tThe bus to Macclesfield costs \xC2\xA3" "6.50 and the "
          "caf\xC3\xA9 shuts at 3\t65-74\n");
    CHECK(second.line_text(2) == second.raw.substr(0, second.raw.size() - 1));
    for (int c = 0; c < 7; ++c) {
        CHECK(second.fields[c].line == 2);
        CHECK(second.fields[c].column == c + 1);
    }
    CHECK_FALSE(second.error);
}

TEST_CASE("xlsx: shared, rich, inline and formula strings, booleans and errors") {
    auto fill = [](lxw_workbook* book) {
        lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
        lxw_format* bold = workbook_add_format(book);
        format_set_bold(bold);
        lxw_rich_string_tuple plain{nullptr, const_cast<char*>("Care closer to ")};
        lxw_rich_string_tuple strong{bold, const_cast<char*>("h\xC3\xB4me")};
        lxw_rich_string_tuple* runs[] = {&plain, &strong, nullptr};
        worksheet_write_string(sheet, 0, 0, "  spaces kept  ", nullptr);
        worksheet_write_rich_string(sheet, 0, 1, runs, nullptr);
        worksheet_write_formula_str(sheet, 0, 2, "=\"on \"&\"foot\"", nullptr, "on foot");
        worksheet_write_boolean(sheet, 0, 3, 1, nullptr);
        worksheet_write_boolean(sheet, 0, 4, 0, nullptr);
        worksheet_write_formula_str(sheet, 0, 5, "=NA()", nullptr, "placeholder");
    };
    for (bool inline_strings : {false, true}) {
        CAPTURE(inline_strings);
        testing::TempDir dir;
        const std::string path = workbook(dir, fill, inline_strings);
        // libxlsxwriter cannot write an error value: make F1 one as Excel would.
        const std::string sheet_xml = get_part(path, "xl/worksheets/sheet1.xml");
        CHECK(sheet_xml.find(inline_strings ? "t=\"inlineStr\"" : "t=\"s\"") != std::string::npos);
        put_parts(path, {{"xl/worksheets/sheet1.xml",
                          replaced(sheet_xml, "<c r=\"F1\" t=\"str\"><f>NA()</f><v>placeholder</v>",
                                   "<c r=\"F1\" t=\"e\"><f>NA()</f><v>#N/A</v>")}});
        CHECK(render(read_ok(path)) ==
              "1:   spaces kept  |Care closer to h\xC3\xB4me|on foot|TRUE|FALSE|#N/A\n");
    }
}

TEST_CASE("xlsx: numbers print as Excel shows them in General format") {
    struct Case {
        double value;
        const char* format;  // nullptr: General
        const char* text;
    } cases[] = {
        {3, nullptr, "3"},
        {-2, nullptr, "-2"},
        {3.5, nullptr, "3.5"},
        {0.1 + 0.2, nullptr, "0.3"},               // 15 significant digits hide binary noise
        {1234567.891, nullptr, "1234567.891"},
        {123456789012345, nullptr, "123456789012345"},
        {1e20, nullptr, "1e+20"},
        {0.045, "0.0%", "0.045"},                  // number formats other than dates are not applied
        {42, "0.00", "42"},
        {7, "0 \"days\"", "7"},                    // a d in quotes is not a day
        {8, "[Red]#,##0", "8"},                    // nor is a d in a colour
        {9, "#,##0_);[Red]\\(#,##0\\)", "9"},
    };
    testing::TempDir dir;
    const std::string path = workbook(dir, [&](lxw_workbook* book) {
        lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
        lxw_row_t row = 0;
        for (const Case& c : cases) {
            lxw_format* format = nullptr;
            if (c.format) {
                format = workbook_add_format(book);
                format_set_num_format(format, c.format);
            }
            worksheet_write_number(sheet, row++, 0, c.value, format);
        }
    });
    const Table table = read_ok(path);
    REQUIRE(table.records.size() == std::size(cases));
    for (std::size_t i = 0; i < std::size(cases); ++i) {
        CAPTURE(cases[i].text);
        CHECK(table.records[i].fields.at(0).value == cases[i].text);
    }
}

struct DateCase {
    double serial;
    int built_in_format;       // used when custom_format is null
    const char* custom_format;
    const char* text;
};

std::string dates_workbook(const testing::TempDir& dir, const std::vector<DateCase>& cases) {
    return workbook(dir, [&](lxw_workbook* book) {
        lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
        lxw_row_t row = 0;
        for (const DateCase& c : cases) {
            lxw_format* format = workbook_add_format(book);
            if (c.custom_format)
                format_set_num_format(format, c.custom_format);
            else
                format_set_num_format_index(format, static_cast<uint8_t>(c.built_in_format));
            worksheet_write_number(sheet, row++, 0, c.serial, format);
        }
    });
}

void check_dates(const Table& table, const std::vector<DateCase>& cases) {
    REQUIRE(table.records.size() == cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        CAPTURE(cases[i].serial);
        CAPTURE(cases[i].built_in_format);
        CHECK(table.records[i].fields.at(0).value == cases[i].text);
    }
}

TEST_CASE("xlsx: dates in the 1900 date system") {
    const std::vector<DateCase> cases = {
        {1, 14, nullptr, "1900-01-01"},
        {59, 14, nullptr, "1900-02-28"},
        {60, 14, nullptr, "1900-02-29"},  // Excel's day that never was
        {61, 14, nullptr, "1900-03-01"},
        {41832, 14, nullptr, "2014-07-12"},
        {41832.75, 22, nullptr, "2014-07-12 18:00"},
        {41832.378819444, 22, nullptr, "2014-07-12 09:05"},  // 09:05:30: seconds are dropped
        {41882.999988426, 22, nullptr, "2014-08-31 23:59"},
        {36950, 15, nullptr, "2001-02-28"},
        {36950, 16, nullptr, "2001-02-28"},
        {36950, 17, nullptr, "2001-02-28"},
        {0.5, 18, nullptr, "12:00"},      // a time alone
        {36950.25, 19, nullptr, "2001-02-28 06:00"},
        {36950.25, 20, nullptr, "2001-02-28 06:00"},
        {36950.25, 21, nullptr, "2001-02-28 06:00"},
        {36950.5, 45, nullptr, "2001-02-28 12:00"},
        {36950.5, 46, nullptr, "2001-02-28 12:00"},
        {36950.5, 47, nullptr, "2001-02-28 12:00"},
        {45351, 0, "dd/mm/yyyy", "2024-02-29"},
        {45351.4375, 0, "yyyy-mm-dd hh:mm", "2024-02-29 10:30"},
        {45351, 0, "[$-en-GB]d mmmm yyyy;@", "2024-02-29"},
        {45351, 0, "D\" of \"MMM", "2024-02-29"},
        {2958465, 14, nullptr, "9999-12-31"},
        {2958466, 14, nullptr, "2958466"},  // past Excel's last date: a number
        {-1, 14, nullptr, "-1"},
        {45351, 13, nullptr, "45351"},      // format 13 is a fraction, not a date
        {45351, 23, nullptr, "45351"},
    };
    testing::TempDir dir;
    check_dates(read_ok(dates_workbook(dir, cases)), cases);
}

TEST_CASE("xlsx: dates in the 1904 date system") {
    const std::vector<DateCase> cases = {
        {0, 14, nullptr, "1904-01-01"},
        {60, 14, nullptr, "1904-03-01"},  // no fake leap day here
        {40370, 14, nullptr, "2014-07-12"},
        {40370.5, 22, nullptr, "2014-07-12 12:00"},
    };
    testing::TempDir dir;
    const std::string path = dates_workbook(dir, cases);
    // libxlsxwriter 1.1 writes only 1900 workbooks; mark it as a Mac Excel 2008 one would be.
    put_parts(path, {{"xl/workbook.xml", replaced(get_part(path, "xl/workbook.xml"), "<workbookPr ",
                                                  "<workbookPr date1904=\"1\" ")}});
    check_dates(read_ok(path), cases);
}

TEST_CASE("xlsx: missing cells are empty fields and missing rows are skipped") {
    testing::TempDir dir;
    const std::string path = workbook(dir, [](lxw_workbook* book) {
        lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
        lxw_format* shaded = workbook_add_format(book);
        format_set_bg_color(shaded, LXW_COLOR_YELLOW);
        worksheet_write_string(sheet, 1, 1, "B2", nullptr);  // row 1 and column A are empty
        worksheet_write_string(sheet, 1, 3, "D2", nullptr);
        worksheet_write_string(sheet, 4, 4, "E5", nullptr);  // the widest row
        worksheet_write_blank(sheet, 5, 0, shaded);          // a formatted but empty cell: no record
        worksheet_write_blank(sheet, 5, 6, shaded);          // nor does it widen the table
        worksheet_write_string(sheet, 6, 0, "A7", nullptr);
    });
    const Table table = read_ok(path);
    CHECK(render(table) ==
          "2: |B2||D2|\n"
          "5: ||||E5\n"
          "7: A7||||\n");
    CHECK(table.records[0].raw == "\tB2\t\tD2\t\n");
    CHECK(table.records[1].fields[4].line == 5);
    CHECK(table.records[1].fields[4].column == 5);
}

TEST_CASE("xlsx: cells and rows without references follow the ones before") {
    testing::TempDir dir;
    const std::string path = workbook(dir, [](lxw_workbook* book) {
        worksheet_write_string(workbook_add_worksheet(book, nullptr), 0, 0, "x", nullptr);
    }, true);
    // Some writers leave out r="..." and prefix the markup.
    put_parts(path, {{"xl/worksheets/sheet1.xml",
                      "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                      "<x:sheetData>"
                      "<x:row><x:c t=\"inlineStr\"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>"
                      "<x:row r=\"3\"><x:c r=\"B3\"><x:v>2</x:v></x:c><x:c><x:v>3</x:v></x:c></x:row>"
                      "<x:row><x:c t=\"inlineStr\"><x:is><x:t>line_x000D_break</x:t></x:is></x:c></x:row>"
                      "</x:sheetData></x:worksheet>"}});
    CHECK(render(read_ok(path)) ==
          "1: a|1|\n"
          "3: |2|3\n"
          "4: line\rbreak||\n");
}

TEST_CASE("xlsx: a sheet chosen by name") {
    testing::TempDir dir;
    const std::string path = workbook(dir, [](lxw_workbook* book) {
        worksheet_write_string(workbook_add_worksheet(book, "Responses"), 0, 0, "first sheet", nullptr);
        lxw_worksheet* notes = workbook_add_worksheet(book, "Panel notes");
        worksheet_write_string(notes, 0, 0, "topic", nullptr);
        worksheet_write_string(notes, 1, 0, "One point of access", nullptr);
    });
    const Table first = read_ok(path);
    CHECK(first.sheet == "Responses");
    CHECK(render(first) == "1: first sheet\n");

    const Table notes = read_ok(path, "Panel notes");
    CHECK(notes.sheet == "Panel notes");
    CHECK(render(notes) == "1: topic\n2: One point of access\n");
    CHECK(read_ok(path, "PANEL NOTES").sheet == "Panel notes");  // Excel's names ignore case

    const XlsxRead missing = read_xlsx(file_bytes(path), "book.xlsx", "Sheet9");
    CHECK_FALSE(missing.table);
    CHECK(missing.error == "book.xlsx: no sheet named \"Sheet9\" (sheets: \"Responses\", \"Panel notes\")");
}

TEST_CASE("xlsx: the first sheet that holds cells, not a chart") {
    testing::TempDir dir;
    const std::string path = workbook(dir, [](lxw_workbook* book) {
        lxw_chartsheet* chart_sheet = workbook_add_chartsheet(book, "Chart");
        lxw_worksheet* data = workbook_add_worksheet(book, "Data");
        worksheet_write_number(data, 0, 0, 5, nullptr);
        lxw_chart* chart = workbook_add_chart(book, LXW_CHART_COLUMN);
        chart_add_series(chart, nullptr, "=Data!$A$1:$A$1");
        chartsheet_set_chart(chart_sheet, chart);
    });
    const Table table = read_ok(path);
    CHECK(table.sheet == "Data");
    CHECK(render(table) == "1: 5\n");
    CHECK(read_xlsx(file_bytes(path), "book.xlsx", "Chart").error ==
          "book.xlsx: sheet \"Chart\" is not a worksheet (a chart or dialog sheet)");
}

TEST_CASE("xlsx: files that are not workbooks") {
    testing::TempDir dir;
    auto error_of = [](const std::string& bytes) {
        const XlsxRead read = read_xlsx(bytes, "responses.xlsx");
        CHECK_FALSE(read.table);
        return read.error;
    };
    CHECK(error_of("ID,Response\n1,Too far to travel\n") ==
          "responses.xlsx: not an XLSX workbook (not a zip archive, or a damaged one)");
    CHECK(error_of("") == "responses.xlsx: not an XLSX workbook (the file is empty)");
    CHECK(error_of(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0')) ==
          "responses.xlsx: not an XLSX workbook (an old .xls file or a password-protected workbook)");

    const std::string zip = dir.path("notes.zip");
    put_parts(zip, {{"notes.txt", "not a workbook"}}, true);
    CHECK(error_of(file_bytes(zip)) == "responses.xlsx: a zip archive but not an XLSX workbook (no xl/workbook.xml in it)");

    // A part whose compressed bytes were damaged after it was written.
    std::string long_part = "<workbook>";
    for (int i = 0; i < 200; ++i) long_part += "<sheet name=\"Sheet" + std::to_string(i) + "\"/>";
    long_part += "</workbook>";
    put_parts(zip, {{"xl/workbook.xml", long_part}}, true);
    std::string damaged = file_bytes(zip);
    const auto u16 = [&](std::size_t at) { return std::size_t(std::uint8_t(damaged[at])) | std::size_t(std::uint8_t(damaged[at + 1])) << 8; };
    const std::size_t data_start = 30 + u16(26) + u16(28);  // after the first local header, its name and extra field
    REQUIRE(damaged.size() > data_start + 40);
    damaged[data_start + 20] = static_cast<char>(damaged[data_start + 20] ^ 0x5A);
    const std::string why = error_of(damaged);
    CHECK(why.starts_with("responses.xlsx: cannot read xl/workbook.xml: "));
    CHECK(why.find("damaged") != std::string::npos);

    put_parts(zip, {{"xl/workbook.xml", "<workbook/>"}}, true);
    CHECK(error_of(file_bytes(zip)) == "responses.xlsx: a zip archive but not an XLSX workbook (no xl/_rels/workbook.xml.rels in it)");

    const std::string book = workbook(dir, [](lxw_workbook* b) { workbook_add_worksheet(b, "Form1"); });
    put_parts(book, {{"xl/_rels/workbook.xml.rels",
                      replaced(get_part(book, "xl/_rels/workbook.xml.rels"), "worksheets/sheet1.xml",
                               "worksheets/gone.xml")}});
    CHECK(error_of(file_bytes(book)) == "responses.xlsx: sheet \"Form1\" is missing (no xl/worksheets/gone.xml)");

    put_parts(book, {{"xl/worksheets/gone.xml", "<worksheet><sheetData><row></worksheet>"}});
    CHECK(error_of(file_bytes(book)) ==
          "responses.xlsx: xl/worksheets/gone.xml is not well-formed XML (Start-end tags mismatch at byte 29)");
}

}  // namespace
}  // namespace yousaid
