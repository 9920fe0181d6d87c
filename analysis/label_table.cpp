#include "analysis/label_table.h"

#include <algorithm>
#include <stdexcept>

#include "analysis/keyed_csv.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

std::vector<std::string> split(const std::string& text, const std::string& separator) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    while (true) {
        std::size_t at = separator.empty() ? std::string::npos : text.find(separator, from);
        parts.push_back(text.substr(from, at == std::string::npos ? std::string::npos : at - from));
        if (at == std::string::npos) return parts;
        from = at + separator.size();
    }
}

}  // namespace

LabelMap parse_label_map(const std::string& text) {
    LabelMap map;
    for (const std::string& entry : split(text, ";")) {
        if (trim(entry).empty()) continue;
        const std::size_t equals = entry.find('=');
        const std::string label = equals == std::string::npos ? "" : trim(entry.substr(equals + 1));
        if (equals == std::string::npos || label.empty()) {
            throw std::invalid_argument("\"" + entry + "\" is not CODE[,CODE...]=LABEL");
        }
        for (const std::string& raw : split(entry.substr(0, equals), ",")) {
            const std::string code = trim(raw);
            if (code.empty()) throw std::invalid_argument("\"" + entry + "\" has an empty code");
            if (!map.emplace(code, label).second) throw std::invalid_argument("code \"" + code + "\" is mapped twice");
        }
    }
    if (map.empty()) throw std::invalid_argument("no CODE=LABEL in \"" + text + "\"");
    return map;
}

LabelTable read_label_table(const std::string& path, const LabelTableOptions& options) {
    const std::string text_column = fold_case(trim(options.text_column));
    const std::string label_column = fold_case(trim(options.label_column));
    KeyedCsv csv = read_keyed_csv(path, {text_column, label_column});
    LabelTable table;
    table.errors = std::move(csv.errors);
    for (KeyedRow& row : csv.rows) {
        LabelledText out;
        out.line = row.line;
        out.text = std::move(row.cells[text_column]);
        for (const std::string& part : split(row.cells[label_column], options.separator.value_or(""))) {
            std::string label = trim(part);
            if (auto mapped = options.label_map.find(label); mapped != options.label_map.end()) label = mapped->second;
            if (!label.empty() && std::find(out.labels.begin(), out.labels.end(), label) == out.labels.end()) {
                out.labels.push_back(std::move(label));
            }
        }
        table.rows.push_back(std::move(out));
    }
    return table;
}

}  // namespace yousaid
