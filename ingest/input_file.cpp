#include "ingest/input_file.h"

#include "ingest/delimiter_sniffer.h"
#include "ingest/encoding.h"
#include "ingest/jsonl_reader.h"
#include "ingest/panel_notes_reader.h"
#include "ingest/table_reader.h"
#include "ingest/xlsx_reader.h"

namespace yousaid {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    if (s.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
    }
    return true;
}

bool looks_like_panel_notes(const std::string& text) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        std::size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        if (line.rfind("- ", 0) == 0) return true;
        std::size_t colon = line.find(':');
        if (colon == std::string::npos || line.find('\t') != std::string::npos) return false;
        for (std::size_t i = 0; i < colon; ++i) {
            if (!std::isalpha(static_cast<unsigned char>(line[i]))) return false;
        }
        return colon > 0;
    }
    return false;
}

void read_table(InputRead& in, Table table, const InputOptions& options, const std::string& path) {
    in.header = read_header(table);
    MappingResult mapped = map_columns(table, in.header, options.map, path);
    in.mapping = mapped.mapping;
    if (!mapped.errors.empty()) {
        in.errors = mapped.errors;
        if (options.keep_table) in.table = std::move(table);
        return;
    }
    if (!options.keep_table) {
        in.read = take_table_responses(std::move(table), in.header, in.mapping, path);
        return;
    }
    in.table = std::move(table);
    in.read = read_table_responses(*in.table, in.header, in.mapping, path);
}

}  // namespace

// `bytes` is let go as soon as it has been decoded or unzipped.
InputRead read_input(const std::string& path, std::string bytes, const InputOptions& options) {
    InputRead in;
    bool zip = bytes.rfind("PK\x03\x04", 0) == 0;
    if (ends_with(path, ".xlsx") || zip) {
        in.format = "XLSX";
        XlsxRead xlsx = read_xlsx(bytes, path, options.sheet);
        std::string().swap(bytes);
        if (!xlsx.table) {
            in.errors.push_back({{path, 0, 0}, xlsx.error, ""});
            return in;
        }
        in.sheet = xlsx.table->sheet;
        read_table(in, std::move(*xlsx.table), options, path);
        return in;
    }
    DecodedText decoded = decode_text(bytes, path);
    std::string().swap(bytes);
    in.encoding = decoded.encoding;
    if (decoded.error) {
        in.errors.push_back(*decoded.error);
        return in;
    }
    if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")) {
        in.format = "JSON Lines";
        Table table = read_jsonl(decoded.text, path);
        std::string().swap(decoded.text);
        table.encoding = decoded.encoding;
        read_table(in, std::move(table), options, path);
        return in;
    }
    if (ends_with(path, ".txt") && looks_like_panel_notes(decoded.text)) {
        in.format = "panel notes";
        in.read = read_panel_notes(decoded.text, path);
        return in;
    }
    char delimiter = sniff_delimiter(decoded.text);
    Table table;
    table.format = delimiter_format_name(delimiter);
    table.encoding = decoded.encoding;
    table.records = parse_csv(decoded.text, path, delimiter);
    std::string().swap(decoded.text);  // the records hold what is needed from here
    in.format = table.format;
    read_table(in, std::move(table), options, path);
    return in;
}

}  // namespace yousaid
