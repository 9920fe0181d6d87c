#include "ingest/delimiter_sniffer.h"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>
#include <vector>

namespace yousaid {

namespace {

constexpr std::array<char, 3> kCandidates = {',', '\t', ';'};  // in order of preference on a tie
constexpr std::size_t kRecordsLooked = 20;

// Per record of the first lines, how many times each candidate occurs outside
// double quotes. Quotes may hold delimiters and line breaks; blank lines are not
// records.
std::vector<std::array<int, kCandidates.size()>> count_delimiters(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<std::array<int, kCandidates.size()>> records;
    std::array<int, kCandidates.size()> counts{};
    bool in_quotes = false, blank = true;
    for (std::size_t i = 0; i <= text.size() && records.size() < kRecordsLooked; ++i) {
        const char c = i < text.size() ? text[i] : '\n';
        if (c == '"') in_quotes = !in_quotes;  // "" inside quotes toggles twice
        if (in_quotes) {
            blank = false;
            continue;
        }
        if (c == '\n') {
            if (!blank) records.push_back(counts);
            counts = {};
            blank = true;
            continue;
        }
        for (std::size_t k = 0; k < kCandidates.size(); ++k)
            if (c == kCandidates[k]) ++counts[k];
        if (c != ' ' && c != '\r') blank = false;
    }
    return records;
}

struct Score {
    double consistency = 0;  // share of records with the most common field count
    int fields = 0;          // that field count
};

Score score(const std::vector<std::array<int, kCandidates.size()>>& records, std::size_t k) {
    std::map<int, int> records_by_fields;
    for (const auto& counts : records) ++records_by_fields[counts[k] + 1];
    Score best;
    for (const auto& [fields, n] : records_by_fields) {
        const double consistency = static_cast<double>(n) / static_cast<double>(records.size());
        if (consistency > best.consistency || (consistency == best.consistency && fields > best.fields))
            best = {consistency, fields};
    }
    return best;
}

}  // namespace

char sniff_delimiter(const std::string& utf8_text) {
    const auto records = count_delimiters(utf8_text);
    if (records.empty()) return ',';
    char chosen = ',';
    Score chosen_score;
    for (std::size_t k = 0; k < kCandidates.size(); ++k) {
        const Score s = score(records, k);
        if (s.fields < 2) continue;
        if (s.consistency > chosen_score.consistency ||
            (s.consistency == chosen_score.consistency && s.fields > chosen_score.fields)) {
            chosen = kCandidates[k];
            chosen_score = s;
        }
    }
    return chosen;
}

std::string delimiter_format_name(char delimiter) {
    switch (delimiter) {
        case ',': return "CSV";
        case '\t': return "TSV";
        case ';': return "semicolon-separated";
        default: return std::string("'") + delimiter + "'-separated";
    }
}

}  // namespace yousaid
