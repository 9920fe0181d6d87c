#include "ingest/csv_grammar.h"

#include <algorithm>
#include <string_view>

#include <boost/spirit/home/x3.hpp>

namespace yousaid {

namespace x3 = boost::spirit::x3;

namespace {

// Line and column of byte offsets in one text, without rescanning from the start.
class LineIndex {
public:
    explicit LineIndex(std::string_view text) : text_(text) {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') starts_.push_back(i + 1);
    }
    int line(std::size_t offset) const {
        return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                                starts_.begin());
    }
    int column(std::size_t offset) const {
        int column = 1;
        for (std::size_t i = starts_[line(offset) - 1]; i < offset; ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
        return column;
    }
    std::string line_text(int line) const {
        std::size_t begin = starts_[line - 1];
        std::size_t end = text_.find('\n', begin);
        if (end == std::string_view::npos) end = text_.size();
        if (end > begin && text_[end - 1] == '\r') --end;
        return std::string(text_.substr(begin, end - begin));
    }

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

using Iterator = const char*;

// What the parser builds for the record in hand.
struct RecordState {
    Iterator field_start = nullptr;
    std::string value;
    std::vector<std::pair<Iterator, std::string>> fields;
};

// Names of the expectation points, mapped to messages in `syntax_error`.
constexpr const char* kClosingQuote = "closing quote";
constexpr const char* kAfterClosingQuote = "end of quoted field";
constexpr const char* kAfterUnquoted = "end of unquoted field";

// Parses one record at `first`, advancing it past the record's line end.
// Throws x3::expectation_failure on a malformed record.
void parse_record(Iterator& first, Iterator last, char delimiter, RecordState& state) {
    auto start = [&](auto& ctx) {
        state.field_start = x3::_where(ctx).begin();
        state.value.clear();
    };
    auto append = [&](auto& ctx) {
        auto range = x3::_attr(ctx);
        state.value.append(range.begin(), range.end());
    };
    auto append_quote = [&](auto&) { state.value += '"'; };
    auto finish = [&](auto&) { state.fields.emplace_back(state.field_start, state.value); };

    auto const line_end = x3::lit("\r\n") | x3::lit('\n');
    auto const separator = x3::lit(delimiter);
    auto const field_end = &(separator | line_end | x3::eoi);
    auto const closing_quote = x3::rule<class closing_quote_>{kClosingQuote} = x3::lit('"');
    auto const after_quoted = x3::rule<class after_quoted_>{kAfterClosingQuote} = field_end;
    auto const after_unquoted = x3::rule<class after_unquoted_>{kAfterUnquoted} = field_end;

    auto const quoted = x3::lit('"') >>
                        *(x3::raw[+~x3::char_('"')][append] | x3::lit("\"\"")[append_quote]) >
                        closing_quote > after_quoted;
    auto const unquoted =
        x3::raw[*(x3::char_ - separator - x3::char_("\"\n") - x3::lit("\r\n"))][append] > after_unquoted;
    auto const field = x3::eps[start] >> (quoted | unquoted) >> x3::eps[finish];
    auto const record = (field % separator) >> -line_end;

    x3::parse(first, last, record);
}

std::string syntax_message(const std::string& which) {
    if (which == kClosingQuote)
        return "quoted field has no closing quote (the rest of the file is in this field)";
    if (which == kAfterClosingQuote)
        return "text after the closing quote (inside quotes, write a quote as \"\")";
    return "stray quote in an unquoted field (put the field in quotes and write a quote as \"\")";
}

}  // namespace

std::string CsvRecord::line_text(int wanted) const {
    std::size_t begin = 0;
    for (int l = line; l < wanted; ++l) {
        begin = raw.find('\n', begin);
        if (begin == std::string::npos) return "";
        ++begin;
    }
    if (wanted < line || begin >= raw.size()) return "";
    std::size_t end = raw.find('\n', begin);
    if (end == std::string::npos) end = raw.size();
    if (end > begin && raw[end - 1] == '\r') --end;
    return raw.substr(begin, end - begin);
}

struct CsvRecordReader::State {
    State(std::string_view body, std::string file_name, char delimiter)
        : index(body), begin(body.data()), end(body.data() + body.size()), at(begin),
          file_name(std::move(file_name)), delimiter(delimiter) {}
    const LineIndex index;
    const Iterator begin, end;
    Iterator at;
    const std::string file_name;
    const char delimiter;
};

namespace {
std::string_view without_bom(const std::string& text) {
    std::string_view body(text);
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
    return body;
}
}  // namespace

CsvRecordReader::CsvRecordReader(const std::string& text, std::string file_name, char delimiter)
    : state_(std::make_unique<State>(without_bom(text), std::move(file_name), delimiter)) {}

CsvRecordReader::~CsvRecordReader() = default;

std::optional<CsvRecord> CsvRecordReader::next() {
    State& s = *state_;
    auto offset = [&](Iterator at) { return static_cast<std::size_t>(at - s.begin); };
    // A space or tab that does not separate fields: "\t\t" is a record of three
    // empty fields in tab-separated text, as ",," is in CSV.
    auto const padding = x3::char_(" \t") - x3::lit(s.delimiter);
    auto const blank_line = *padding >> (x3::lit("\r\n") | x3::lit('\n'));

    x3::parse(s.at, s.end, *blank_line);
    if (s.at == s.end) return std::nullopt;
    // Trailing spaces after the last line end are blank too.
    Iterator probe = s.at;
    if (x3::parse(probe, s.end, *padding >> x3::eoi)) {
        s.at = s.end;
        return std::nullopt;
    }
    CsvRecord record;
    record.line = s.index.line(offset(s.at));
    const Iterator record_start = s.at;
    RecordState state;
    try {
        parse_record(s.at, s.end, s.delimiter, state);
        for (auto& [start, value] : state.fields)
            record.fields.push_back({std::move(value), s.index.line(offset(start)), s.index.column(offset(start))});
    } catch (const x3::expectation_failure<Iterator>& failure) {
        const bool unclosed = failure.which() == kClosingQuote;
        const Iterator where = unclosed ? state.field_start : failure.where();
        const int line = s.index.line(offset(where));
        record.error = Diagnostic{{s.file_name, line, s.index.column(offset(where))},
                                  syntax_message(failure.which()),
                                  s.index.line_text(line)};
        s.at = unclosed ? s.end : std::find(failure.where(), s.end, '\n');
        if (s.at != s.end) ++s.at;
    }
    record.raw.assign(record_start, s.at);
    return record;
}

std::vector<CsvRecord> parse_csv(const std::string& text, const std::string& file_name, char delimiter) {
    std::vector<CsvRecord> records;
    CsvRecordReader reader(text, file_name, delimiter);
    while (std::optional<CsvRecord> record = reader.next()) records.push_back(std::move(*record));
    return records;
}

}  // namespace yousaid
