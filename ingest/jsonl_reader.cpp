#include "ingest/jsonl_reader.h"

#include <map>
#include <string_view>

#include <nlohmann/json.hpp>

namespace yousaid {

namespace {

using nlohmann::json;

// Builds one line's top-level members as text: scalars as written, nested
// arrays and objects as compact JSON. Parse errors are kept, not thrown.
class MemberCollector : public nlohmann::json_sax<json> {
public:
    std::vector<std::pair<std::string, std::string>> members;  // in order, duplicates included
    bool top_is_object = false;
    std::size_t error_byte = 0;  // 1-based, as nlohmann counts; 0 when the line parsed
    std::string error_reason;

    bool null() override { return scalar("", nullptr); }
    bool boolean(bool value) override { return scalar(value ? "true" : "false", value); }
    bool number_integer(number_integer_t value) override { return scalar(std::to_string(value), value); }
    bool number_unsigned(number_unsigned_t value) override { return scalar(std::to_string(value), value); }
    bool number_float(number_float_t value, const string_t& written) override { return scalar(written, value); }
    bool string(string_t& value) override { return scalar(value, value); }
    bool binary(binary_t& value) override { return scalar("", json::binary(value)); }

    bool start_object(std::size_t) override {
        if (depth_++ == 0) {
            top_is_object = true;
            return true;
        }
        nested_.push_back({json::object(), ""});
        return true;
    }
    bool start_array(std::size_t) override {
        if (depth_++ > 0) nested_.push_back({json::array(), ""});
        return true;
    }
    bool key(string_t& name) override {
        (depth_ == 1 ? key_ : nested_.back().second) = name;
        return true;
    }
    bool end_object() override { return end_container(); }
    bool end_array() override { return end_container(); }

    bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& error) override {
        error_byte = byte;
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
        const std::string what = error.what();
        const std::size_t column = what.find("column ");
        const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
        error_reason = colon == std::string::npos ? what : what.substr(colon + 2);
        return false;
    }

private:
    bool scalar(std::string text, json value) {
        if (depth_ == 1)
            members.emplace_back(key_, std::move(text));
        else if (depth_ > 1)
            add_nested(std::move(value));
        return true;
    }
    bool end_container() {
        if (--depth_ == 0 || nested_.empty()) return true;
        json done = std::move(nested_.back().first);
        nested_.pop_back();
        if (depth_ == 1)
            members.emplace_back(key_, done.dump());
        else
            add_nested(std::move(done));
        return true;
    }
    void add_nested(json value) {
        auto& [container, name] = nested_.back();
        if (container.is_object())
            container[name] = std::move(value);
        else
            container.push_back(std::move(value));
    }

    int depth_ = 0;
    std::string key_;
    std::vector<std::pair<json, std::string>> nested_;  // open containers below the top, with their pending key
};

// Where each top-level member's value starts, in member order, in a line that
// nlohmann has already accepted as one JSON object.
std::vector<std::size_t> member_value_offsets(std::string_view line) {
    std::vector<std::size_t> offsets;
    int depth = 0;
    bool in_string = false, value_next = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (value_next && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            offsets.push_back(i);
            value_next = false;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') ++depth;
        else if (c == '}' || c == ']') --depth;
        else if (c == ':' && depth == 1) value_next = true;
    }
    return offsets;
}

int column_at(const std::string& line, std::size_t offset) {
    return code_point_column(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(std::min(offset, line.size())));
}

}  // namespace

Table read_jsonl(const std::string& utf8_text, const std::string& file_name) {
    Table table;
    table.format = "JSON Lines";
    std::string_view text(utf8_text);
    const bool bom = text.starts_with("\xEF\xBB\xBF");
    if (bom) text.remove_prefix(3);
    table.encoding = bom ? "UTF-8 with BOM" : "UTF-8";

    std::vector<std::string> keys;
    std::map<std::string, std::size_t> key_index;
    bool any_object = false;
    std::vector<CsvRecord> records;
    int line_number = 0;
    for (std::size_t start = 0; start < text.size();) {
        ++line_number;
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        CsvRecord record;
        record.raw = std::string(text.substr(start, end - start));
        record.line = line_number;
        start = end;
        std::string line = record.raw;
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        const std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos) continue;

        MemberCollector collector;
        json::sax_parse(line, &collector);
        if (collector.error_byte != 0 || !collector.top_is_object) {
            const bool parse_failed = collector.error_byte != 0;
            const int column = parse_failed ? column_at(line, collector.error_byte - 1) : column_at(line, first);
            record.error = Diagnostic{{file_name, line_number, column},
                                      parse_failed ? "not a JSON object: " + collector.error_reason
                                                   : "expected a JSON object ({...}) on each line",
                                      line};
            records.push_back(std::move(record));
            continue;
        }
        any_object = true;
        const std::vector<std::size_t> offsets = member_value_offsets(line);
        for (std::size_t i = 0; i < collector.members.size(); ++i) {
            auto& [key, value] = collector.members[i];
            auto [at, added] = key_index.emplace(key, keys.size());
            if (added) keys.push_back(key);
            const std::size_t index = at->second;
            if (record.fields.size() <= index) record.fields.resize(index + 1, {"", line_number, 1});
            // A repeated key keeps its last value, as nlohmann's own objects do.
            record.fields[index] = {std::move(value), line_number, i < offsets.size() ? column_at(line, offsets[i]) : 1};
        }
        records.push_back(std::move(record));
    }

    // Objects met before a key first appeared lack its field: every record gets all of them.
    for (CsvRecord& record : records)
        if (!record.error) record.fields.resize(keys.size(), {"", record.line, 1});
    if (any_object) {
        CsvRecord header;
        for (std::size_t i = 0; i < keys.size(); ++i) header.fields.push_back({keys[i], 0, static_cast<int>(i + 1)});
        table.records.push_back(std::move(header));
    }
    for (CsvRecord& record : records) table.records.push_back(std::move(record));
    return table;
}

}  // namespace yousaid
