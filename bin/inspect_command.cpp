#include <iostream>
#include <memory>
#include <set>

#include <nlohmann/json.hpp>

#include "analysis/json_output.h"
#include "bin/commands.h"
#include "ingest/encoding.h"
#include "ingest/input_file.h"
#include "ingest/text_file.h"

namespace yousaid::cli {

namespace inspect_command {

using nlohmann::json;

constexpr std::size_t kSamples = 3;

struct InspectArguments {
    std::string file;
    std::string format = "text";
    std::string map;
    std::string sheet;
    bool rows = false;
};

// Up to kSamples different non-empty values of a column.
std::vector<std::string> samples(const Table& table, int header_rows, std::size_t column) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (std::size_t r = header_rows; r < table.records.size() && out.size() < kSamples; ++r) {
        const CsvRecord& record = table.records[r];
        if (record.error || column >= record.fields.size()) continue;
        std::string value = record.fields[column].value;
        if (value.empty() || !seen.insert(value).second) continue;
        if (value.size() > 60) value = value.substr(0, 57) + "...";
        for (char& c : value) {
            if (c == '\n' || c == '\r') c = ' ';
        }
        out.push_back(value);
    }
    return out;
}

// Keys for --rows: each column's name, made unique ("Age", "Age (2)"); an empty one is "column N".
std::vector<std::string> row_keys(const TableHeader& header) {
    std::vector<std::string> keys;
    std::set<std::string> used;
    for (std::size_t i = 0; i < header.columns.size(); ++i) {
        std::string base = header.columns[i].name.empty() ? "column " + std::to_string(i + 1) : header.columns[i].name;
        std::string key = base;
        for (int n = 2; used.count(key); ++n) key = base + " (" + std::to_string(n) + ")";
        used.insert(key);
        keys.push_back(key);
    }
    return keys;
}

void print_rows(const InputRead& in) {
    std::vector<std::string> keys = row_keys(in.header);
    for (std::size_t r = in.header.rows; r < in.table->records.size(); ++r) {
        const CsvRecord& record = in.table->records[r];
        json row;
        if (record.error) {
            row["error"] = record.error->headline();
        } else {
            for (std::size_t c = 0; c < record.fields.size(); ++c) {
                std::string key = c < keys.size() ? keys[c] : "column " + std::to_string(c + 1);
                row[key] = record.fields[c].value;
            }
        }
        std::cout << json_text(row, -1);
    }
}

int run(const InspectArguments& args) {
    std::optional<MapFile> map;
    if (!args.map.empty()) {
        DecodedText decoded = decode_text(read_file_bytes(args.map), args.map);
        if (decoded.error) {
            std::cerr << decoded.error->format();
            return 1;
        }
        MapFileParse parse = parse_map_file(decoded.text, args.map);
        for (const Diagnostic& d : parse.errors) std::cerr << d.format();
        if (!parse.errors.empty()) return 1;
        map = parse.map;
    }
    InputOptions options{args.sheet, map ? &*map : nullptr};
    InputRead in = read_input(args.file, read_file_bytes(args.file), options);
    if (args.rows) {
        if (!in.table) {
            std::cerr << "yousaid: " << args.file << ": --rows shows tables; this is " << in.format << "\n";
            return 1;
        }
        print_rows(in);
        return in.errors.empty() ? 0 : 1;
    }

    json columns = json::array();
    std::vector<std::string> roles = describe_mapping(in.mapping, in.header);
    for (std::size_t i = 0; in.table && i < in.header.columns.size(); ++i) {
        const HeaderColumn& c = in.header.columns[i];
        columns.push_back({{"name", c.name},
                           {"question", c.question},
                           {"sub_answer", c.sub_answer},
                           {"mapped_to", roles[i]},
                           {"samples", samples(*in.table, in.header.rows, i)}});
    }
    std::size_t records = in.table ? in.table->records.size() - std::min<std::size_t>(in.header.rows, in.table->records.size())
                                   : in.read.responses.size() + in.read.rejected.size();
    json errors = json::array();
    for (const Diagnostic& d : in.errors) errors.push_back(d.where.line ? d.headline() : d.message);
    for (const RejectedRecord& r : in.read.rejected) errors.push_back(r.diagnostic.headline());

    if (args.format == "json") {
        json out = {{"file", args.file},       {"format", in.format},   {"encoding", in.encoding},
                    {"sheet", in.sheet},       {"header_rows", in.header.rows}, {"columns", columns},
                    {"records", records},      {"responses", in.read.responses.size()},
                    {"rejected", in.read.rejected.size()}, {"errors", errors}};
        std::cout << json_text(out);
        return in.errors.empty() ? 0 : 1;
    }
    std::cout << args.file << "\n  format: " << (in.format.empty() ? "unknown (the file cannot be read)" : in.format);
    if (!in.encoding.empty()) std::cout << "\n  encoding: " << in.encoding;
    if (!in.sheet.empty()) std::cout << "\n  sheet: " << in.sheet;
    if (in.table) std::cout << "\n  header rows: " << in.header.rows;
    std::cout << "\n";
    if (in.table) {
        std::cout << "  columns:\n";
        for (const json& c : columns) {
            std::cout << "    " << c["name"].get<std::string>() << "  ->  " << c["mapped_to"].get<std::string>() << "\n";
            std::string joined;
            for (const json& s : c["samples"]) joined += (joined.empty() ? "" : " | ") + s.get<std::string>();
            if (!joined.empty()) std::cout << "        e.g. " << joined << "\n";
        }
    }
    if (!in.errors.empty() && !in.table) {
        for (const Diagnostic& d : in.errors) std::cerr << d.format();
        return 1;
    }
    std::cout << "  records: " << records << "; ingest would accept " << in.read.responses.size()
              << (in.read.responses.size() == 1 ? " response" : " responses") << " and reject "
              << in.read.rejected.size() << "\n";
    for (const Diagnostic& d : in.errors) std::cerr << d.format();
    for (const RejectedRecord& r : in.read.rejected) std::cerr << r.diagnostic.format();
    return in.errors.empty() ? 0 : 1;
}

}  // namespace inspect_command

void add_inspect_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<inspect_command::InspectArguments>();
    CLI::App* cmd = app.add_subcommand(
        "inspect", "Show how a file would be read: encoding, delimiter, header rows, columns, mapping, counts");
    cmd->add_option("file", args->file, "the file to look at")->required()->check(CLI::ExistingFile);
    cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->add_option("--map", args->map, "a column map to try (README: Column maps)");
    cmd->add_option("--sheet", args->sheet, "XLSX: the sheet to read (default the first)");
    cmd->add_flag("--rows", args->rows, "print every record as one JSON object per line, keyed by header");
    cmd->callback([args, &exit_code] { exit_code = inspect_command::run(*args); });
}

}  // namespace yousaid::cli
