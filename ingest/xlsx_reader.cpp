#include "ingest/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "ingest/file_signature.h"
#include "ingest/zip_archive.h"

namespace yousaid {

namespace {

// A problem that makes the whole workbook unreadable; the message follows "file: ".
struct WorkbookError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr int kMaxRows = 1048576;  // Excel's limits, which also bound the table we build
constexpr int kMaxColumns = 16384;

// Elements are matched by local name, so prefixed markup (<x:row>) reads too.
std::string_view local_name(const char* name) {
    std::string_view s(name);
    const auto colon = s.find(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
    for (pugi::xml_node c : node.children())
        if (local_name(c.name()) == name) return c;
    return {};
}

// The relationship id of a <sheet>: its r:id, whatever the prefix.
std::string relationship_id(pugi::xml_node sheet) {
    for (pugi::xml_attribute a : sheet.attributes()) {
        std::string_view name(a.name());
        if (name.size() > 3 && name.substr(name.size() - 3) == ":id") return a.value();
    }
    return "";
}

// False when the part is missing; throws when it is there but is not XML.
bool load_part(const ZipArchive& zip, const std::string& name, pugi::xml_document& doc) {
    std::string bytes;
    if (!zip.read(name, bytes)) return false;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed)
        throw WorkbookError(name + " is not well-formed XML (" + parsed.description() + " at byte " +
                            std::to_string(parsed.offset) + ")");
    return true;
}

// A relationship target taken relative to the workbook's folder, "xl/".
std::string resolve_target(const std::string& target) {
    std::vector<std::string> segments;
    std::string path = target.starts_with('/') ? target.substr(1) : "xl/" + target;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        const std::string segment = path.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string out;
    for (const std::string& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

void append_utf8(std::string& out, unsigned code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

// OOXML strings escape characters XML cannot hold as _xHHHH_ (a UTF-16 unit):
// "_x000D_" is a carriage return, "_x005F_" a literal underscore.
std::string unescape_xstring(std::string_view s) {
    auto unit_at = [&](std::size_t i, unsigned& unit) {
        if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return false;
        const auto r = std::from_chars(s.data() + i + 2, s.data() + i + 6, unit, 16);
        return r.ec == std::errc() && r.ptr == s.data() + i + 6;
    };
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned unit = 0, low = 0;
        if (!unit_at(i, unit)) {
            out += s[i++];
            continue;
        }
        i += 7;
        if (unit >= 0xD800 && unit < 0xDC00 && unit_at(i, low) && low >= 0xDC00 && low < 0xE000) {
            append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
            i += 7;
        } else if (unit < 0xD800 || unit >= 0xE000) {
            append_utf8(out, unit);
        }
    }
    return out;
}

// The text of a shared string <si> or an inline <is>: a plain <t>, or rich
// text runs <r><t>; phonetic runs (<rPh>) are not part of the value.
std::string string_item_text(pugi::xml_node item) {
    std::string text;
    for (pugi::xml_node c : item.children()) {
        if (local_name(c.name()) == "t") text += c.text().get();
        if (local_name(c.name()) == "r") text += child(c, "t").text().get();
    }
    return unescape_xstring(text);
}

// Whether a custom number format shows a date: a d, m or y outside quoted
// text, [bracketed] colours and conditions, and escaped characters.
bool format_code_is_date(std::string_view code) {
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            i = code.find('"', i + 1);
        } else if (c == '[') {
            i = code.find(']', i + 1);
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (std::string_view("dDmMyY").find(c) != std::string_view::npos) {
            return true;
        }
        if (i == std::string_view::npos) return false;
    }
    return false;
}

// For each cell style (cellXfs index), whether its number format is a date.
std::vector<bool> date_styles(const pugi::xml_document& styles) {
    const pugi::xml_node root = child(styles, "styleSheet");
    std::map<int, bool> custom;
    for (pugi::xml_node f : child(root, "numFmts").children())
        if (local_name(f.name()) == "numFmt")
            custom[f.attribute("numFmtId").as_int(-1)] = format_code_is_date(f.attribute("formatCode").value());
    std::vector<bool> out;
    for (pugi::xml_node xf : child(root, "cellXfs").children()) {
        if (local_name(xf.name()) != "xf") continue;
        const int id = xf.attribute("numFmtId").as_int(0);
        const auto found = custom.find(id);
        out.push_back(found != custom.end() ? found->second : (id >= 14 && id <= 22) || (id >= 45 && id <= 47));
    }
    return out;
}

std::string two_digits(int n) { return std::string(1, char('0' + n / 10)) + char('0' + n % 10); }

// YYYY-MM-DD of a day counted from 1970-01-01 (Howard Hinnant's civil_from_days).
std::string civil_date(long long days) {
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long doe = days - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const long long year = yoe + era * 400 + (month <= 2);
    return std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
}

constexpr long long kDays1899_12_31 = -25568;  // days from 1970-01-01
constexpr long long kDays1904_01_01 = -24107;
constexpr double kLastSerial = 2958466;        // 10000-01-01 in the 1900 system

std::string format_number(double value) {
    if (value == 0) value = 0;  // no "-0"
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
    return std::string(buffer, r.ptr);
}

// An Excel date serial as YYYY-MM-DD, with " HH:MM" when it has a time of day
// (seconds are dropped, as a h:mm format shows them). In the 1900 system serial
// 1 is 1900-01-01 and serial 60 the 29 February 1900 that Excel, copying Lotus
// 1-2-3, believes in; a serial below 1 is a time alone and prints as HH:MM.
std::string format_date(double serial, bool date1904) {
    if (!(serial >= 0 && serial < kLastSerial)) return format_number(serial);
    const long long seconds = std::llround(serial * 86400);
    const long long days = seconds / 86400;
    const int time = static_cast<int>(seconds % 86400);
    const std::string hh_mm = two_digits(time / 3600) + ":" + two_digits(time % 3600 / 60);
    std::string date;
    if (date1904)
        date = civil_date(kDays1904_01_01 + days);
    else if (days == 0)
        return hh_mm;
    else if (days == 60)
        date = "1900-02-29";
    else
        date = civil_date(kDays1899_12_31 + days - (days > 60 ? 1 : 0));
    return time == 0 ? date : date + " " + hh_mm;
}

// A cell reference ("C7") as column and row; false when it is not one.
bool parse_reference(std::string_view ref, int& column, int& row) {
    std::size_t i = 0;
    long col = 0, r = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && col <= kMaxColumns; ++i)
        col = col * 26 + (ref[i] - 'A' + 1);
    if (i == 0 || i == ref.size()) return false;
    for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && r <= kMaxRows; ++i) r = r * 10 + (ref[i] - '0');
    if (i != ref.size()) return false;
    column = static_cast<int>(col);
    row = static_cast<int>(r);
    return true;
}

struct Workbook {
    std::vector<std::string> shared_strings;
    std::vector<bool> date_styles;
    bool date1904 = false;
};

std::string cell_value(pugi::xml_node cell, const Workbook& book, const std::string& part,
                       const std::string& ref) {
    const std::string_view type = cell.attribute("t").value();
    const std::string v = child(cell, "v").text().get();
    if (type == "inlineStr") return string_item_text(child(cell, "is"));
    if (type == "str") return unescape_xstring(v);
    if (type == "e") return v;
    if (type == "b") return v.empty() ? "" : v == "0" ? "FALSE" : "TRUE";
    if (v.empty()) return "";
    if (type == "s") {
        const std::size_t index = child(cell, "v").text().as_ullong(book.shared_strings.size());
        if (index >= book.shared_strings.size())
            throw WorkbookError(part + ": cell " + ref + " refers to shared string " + v + ", which does not exist");
        return book.shared_strings[index];
    }
    if (type == "d") {  // an ISO 8601 date (strict OOXML): keep the date and HH:MM
        std::string out = v.substr(0, 10);
        const std::string time = v.size() >= 16 && v[10] == 'T' ? v.substr(11, 5) : "";
        return time.empty() || time == "00:00" ? out : out + " " + time;
    }
    double number = 0;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), number);
    if (r.ec != std::errc() || r.ptr != v.data() + v.size()) return v;
    const std::size_t style = cell.attribute("s").as_uint(0);
    if (style < book.date_styles.size() && book.date_styles[style]) return format_date(number, book.date1904);
    return format_number(number);
}

std::vector<CsvRecord> read_sheet(const pugi::xml_document& sheet, const Workbook& book, const std::string& part) {
    struct Row {
        int number = 0;
        std::vector<std::pair<int, std::string>> cells;  // column, value
    };
    std::vector<Row> rows;
    int width = 0;
    int row_number = 0;
    for (pugi::xml_node row : child(child(sheet, "worksheet"), "sheetData").children()) {
        if (local_name(row.name()) != "row") continue;
        row_number = row.attribute("r").as_int(row_number + 1);
        if (row_number < 1 || row_number > kMaxRows)
            throw WorkbookError(part + ": row number " + std::to_string(row_number) + " is out of range");
        Row out{row_number, {}};
        int column = 0;
        for (pugi::xml_node cell : row.children()) {
            if (local_name(cell.name()) != "c") continue;
            const std::string ref = cell.attribute("r").value();
            int ref_row = row_number;
            if (ref.empty()) {
                ++column;
            } else if (!parse_reference(ref, column, ref_row) || column > kMaxColumns || ref_row != row_number) {
                throw WorkbookError(part + ": cell reference \"" + ref + "\" is not in row " +
                                    std::to_string(row_number));
            }
            std::string value = cell_value(cell, book, part, ref.empty() ? std::to_string(column) : ref);
            if (value.empty()) continue;
            width = std::max(width, column);
            out.cells.emplace_back(column, std::move(value));
        }
        if (!out.cells.empty()) rows.push_back(std::move(out));
    }

    std::vector<CsvRecord> records;
    for (Row& row : rows) {
        CsvRecord record;
        record.line = row.number;
        for (int column = 1; column <= width; ++column) record.fields.push_back({"", row.number, column});
        for (auto& [column, value] : row.cells) record.fields[column - 1].value = std::move(value);
        for (const CsvField& field : record.fields) record.raw += (field.column > 1 ? "\t" : "") + field.value;
        record.raw += "\n";
        records.push_back(std::move(record));
    }
    return records;
}

struct SheetEntry {
    std::string name;
    std::string part;
    bool is_worksheet = false;
};

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return (x >= 'A' && x <= 'Z' ? x + 32 : x) == (y >= 'A' && y <= 'Z' ? y + 32 : y);
    });
}

const SheetEntry& choose_sheet(const std::vector<SheetEntry>& sheets, const std::string& wanted) {
    if (sheets.empty()) throw WorkbookError("the workbook has no sheets");
    if (wanted.empty()) {
        for (const SheetEntry& s : sheets)
            if (s.is_worksheet) return s;
        throw WorkbookError("the workbook has no worksheets");
    }
    for (const SheetEntry& s : sheets)
        if (s.name == wanted) return s;
    // Excel keeps sheet names unique ignoring case, so this finds at most one.
    for (const SheetEntry& s : sheets)
        if (equal_ignoring_ascii_case(s.name, wanted)) return s;
    std::string names;
    for (const SheetEntry& s : sheets) names += (names.empty() ? "\"" : ", \"") + s.name + "\"";
    throw WorkbookError("no sheet named \"" + wanted + "\" (sheets: " + names + ")");
}

Table read_workbook(const ZipArchive& zip, const std::string& wanted_sheet) {
    constexpr const char* kWorkbook = "xl/workbook.xml";
    constexpr const char* kRelationships = "xl/_rels/workbook.xml.rels";
    pugi::xml_document workbook, relationships;
    if (!load_part(zip, kWorkbook, workbook))
        throw WorkbookError(std::string("a zip archive but not an XLSX workbook (no ") + kWorkbook + " in it)");
    if (!load_part(zip, kRelationships, relationships))
        throw WorkbookError(std::string("a zip archive but not an XLSX workbook (no ") + kRelationships + " in it)");

    struct Target {
        std::string part;
        std::string type;
    };
    std::map<std::string, Target> targets;  // by relationship id
    std::string shared_strings_part = "xl/sharedStrings.xml", styles_part = "xl/styles.xml";
    for (pugi::xml_node r : child(relationships, "Relationships").children()) {
        if (local_name(r.name()) != "Relationship") continue;
        Target target{resolve_target(r.attribute("Target").value()), r.attribute("Type").value()};
        if (target.type.ends_with("/sharedStrings")) shared_strings_part = target.part;
        if (target.type.ends_with("/styles")) styles_part = target.part;
        targets[r.attribute("Id").value()] = std::move(target);
    }

    Workbook book;
    const pugi::xml_node root = child(workbook, "workbook");
    const std::string_view date1904 = child(root, "workbookPr").attribute("date1904").value();
    book.date1904 = date1904 == "1" || date1904 == "true";
    std::vector<SheetEntry> sheets;
    for (pugi::xml_node s : child(root, "sheets").children()) {
        if (local_name(s.name()) != "sheet") continue;
        const auto found = targets.find(relationship_id(s));
        SheetEntry entry{s.attribute("name").value(), "", false};
        if (found != targets.end()) {
            entry.part = found->second.part;
            entry.is_worksheet = found->second.type.ends_with("/worksheet");
        }
        sheets.push_back(std::move(entry));
    }
    const SheetEntry& chosen = choose_sheet(sheets, wanted_sheet);
    if (!chosen.is_worksheet)
        throw WorkbookError("sheet \"" + chosen.name + "\" is not a worksheet (a chart or dialog sheet)");

    pugi::xml_document shared_strings, styles, sheet;
    if (load_part(zip, shared_strings_part, shared_strings))
        for (pugi::xml_node si : child(shared_strings, "sst").children())
            if (local_name(si.name()) == "si") book.shared_strings.push_back(string_item_text(si));
    if (load_part(zip, styles_part, styles)) book.date_styles = date_styles(styles);
    if (!load_part(zip, chosen.part, sheet))
        throw WorkbookError("sheet \"" + chosen.name + "\" is missing (no " + chosen.part + ")");

    Table table;
    table.format = "XLSX";
    table.sheet = chosen.name;
    table.records = read_sheet(sheet, book, chosen.part);
    return table;
}

}  // namespace

XlsxRead read_xlsx(const std::string& bytes, const std::string& file_name, const std::string& sheet) {
    XlsxRead result;
    if (bytes.empty()) {
        result.error = file_name + ": not an XLSX workbook (the file is empty)";
        return result;
    }
    const ZipArchive zip(bytes);
    if (!zip.is_open()) {
        // A password-protected workbook is an OLE compound file, as an old .xls is.
        result.error = file_name + ": not an XLSX workbook (" +
                       (is_office_97_file(bytes) ? "an old .xls file or a password-protected workbook" : "not a zip archive, or a damaged one") + ")";
        return result;
    }
    try {
        result.table = read_workbook(zip, sheet);
    } catch (const WorkbookError& e) {
        result.error = file_name + ": " + e.what();
    } catch (const ZipPartError& e) {
        result.error = file_name + ": " + e.what();
    }
    return result;
}

}  // namespace yousaid
