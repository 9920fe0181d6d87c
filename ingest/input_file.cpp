#include "ingest/input_file.h"

#include <set>
#include <utility>

#include "ingest/delimiter_sniffer.h"
#include "ingest/encoding.h"
#include "ingest/file_signature.h"
#include "ingest/jsonl_reader.h"
#include "ingest/panel_notes_reader.h"
#include "ingest/table_reader.h"
#include "ingest/unicode_text.h"
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

bool is_json_lines(const std::string& path) { return ends_with(path, ".jsonl") || ends_with(path, ".ndjson"); }

bool is_workbook(const std::string& path, const std::string& bytes) {
    return ends_with(path, ".xlsx") || bytes.rfind("PK\x03\x04", 0) == 0;
}

// Text that is neither JSON Lines nor panel notes: delimited.
bool is_delimited(const std::string& path, const std::string& text) {
    return !is_json_lines(path) && !(ends_with(path, ".txt") && looks_like_panel_notes(text));
}

// read_input once the text is decoded; `text` is let go once parsed.
void read_text(InputRead& in, std::string text, const std::string& path, const InputOptions& options) {
    if (is_json_lines(path)) {
        in.format = "JSON Lines";
        Table table = read_jsonl(text, path);
        std::string().swap(text);
        table.encoding = in.encoding;
        read_table(in, std::move(table), options, path);
        return;
    }
    if (!is_delimited(path, text)) {
        in.format = "panel notes";
        in.read = read_panel_notes(text, path);
        return;
    }
    char delimiter = sniff_delimiter(text);
    Table table;
    table.format = delimiter_format_name(delimiter);
    table.encoding = in.encoding;
    table.records = parse_csv(text, path, delimiter);
    std::string().swap(text);  // the records hold what is needed from here
    in.format = table.format;
    read_table(in, std::move(table), options, path);
}

// The attribute names the responses carry with a value.
std::vector<std::string> attributes_with_a_value(const std::vector<RawResponse>& responses) {
    std::set<std::string> names;
    for (const RawResponse& r : responses) {
        for (const auto& [name, value] : r.attributes)
            if (!names.count(name) && !slug(value).empty()) names.insert(name);
    }
    return {names.begin(), names.end()};
}

class WholeReadStream : public ResponseStream {
public:
    explicit WholeReadStream(ReadResult read) : read_(std::move(read)) {}

    // The rejected records come with the first part: their order among the
    // responses does not matter to ingest, which keeps them apart.
    bool read(std::size_t records, ReadResult& out) override {
        const std::size_t before = given_;
        if (!rejects_given_) {
            for (RejectedRecord& r : read_.rejected) out.rejected.push_back(std::move(r));
            given_ += read_.rejected.size();
            rejects_given_ = true;
        }
        for (std::size_t n = 0; n < records && next_ < read_.responses.size(); ++n, ++next_, ++given_) {
            out.responses.push_back(std::exchange(read_.responses[next_], RawResponse()));
        }
        return given_ > before;
    }
    std::size_t records_read() const override { return given_; }
    std::size_t records_total() const override { return read_.responses.size() + read_.rejected.size(); }

private:
    ReadResult read_;
    std::size_t next_ = 0;
    std::size_t given_ = 0;
    bool rejects_given_ = false;
};

// Delimited text read twice: once for its header, its columns' mapping (from
// the first rows: kColumnSampleRows) and its number of records; then a part at
// a time, each record let go once it has given its responses.
class DelimitedTextStream : public ResponseStream {
public:
    // Reads the header and maps the columns; errors() says when that fails.
    DelimitedTextStream(std::string text, const std::string& path, char delimiter, const InputOptions& options)
        : text_(std::move(text)), path_(path), delimiter_(delimiter), records_(text_, path, delimiter) {
        Table sample;
        sample.records.reserve(std::min<std::size_t>(text_.size() / 64 + 1, kColumnSampleRows + 2));
        CsvRecordReader first_pass(text_, path, delimiter);
        std::size_t all = 0;
        while (std::optional<CsvRecord> record = first_pass.next()) {
            if (sample.records.size() < kColumnSampleRows + 2) sample.records.push_back(std::move(*record));
            ++all;
        }
        header_ = read_header(sample);
        MappingResult mapped = map_columns(sample, header_, options.map, path);
        mapping_ = mapped.mapping;
        errors_ = mapped.errors;
        total_ = all > static_cast<std::size_t>(header_.rows) ? all - header_.rows : 0;
        for (int r = 0; r < header_.rows; ++r) records_.next();
    }

    bool read(std::size_t records, ReadResult& out) override {
        std::size_t n = 0;
        for (; n < records; ++n) {
            std::optional<CsvRecord> record = records_.next();
            if (!record) break;
            read_table_record(*record, header_, mapping_, path_, out);
        }
        read_ += n;
        return n > 0;
    }
    std::size_t records_read() const override { return read_; }
    std::size_t records_total() const override { return total_; }

    const std::vector<Diagnostic>& errors() const { return errors_; }
    std::vector<std::string> attributes() const {
        std::vector<std::string> names;
        for (const AttributeColumn& a : mapping_.attributes) names.push_back(a.name);
        return names;
    }

private:
    const std::string text_;
    const std::string path_;
    const char delimiter_;
    CsvRecordReader records_;  // reads text_
    TableHeader header_;
    ColumnMapping mapping_;
    std::vector<Diagnostic> errors_;
    std::size_t total_ = 0;
    std::size_t read_ = 0;
};

// A file in no format yousaid reads, refused whole with what it is; nothing
// when it may be read.
std::optional<InputRead> refused_as_unreadable(const std::string& path, const std::string& bytes) {
    const std::optional<std::string> unreadable = unreadable_input(bytes);
    if (!unreadable) return std::nullopt;
    InputRead in;
    in.errors.push_back({{path, 0, 0}, path + ": " + *unreadable, ""});
    return in;
}

}  // namespace

// `bytes` is let go as soon as it has been decoded or unzipped.
InputRead read_input(const std::string& path, std::string bytes, const InputOptions& options) {
    if (std::optional<InputRead> refused = refused_as_unreadable(path, bytes)) return std::move(*refused);
    InputRead in;
    if (is_workbook(path, bytes)) {
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
    read_text(in, std::move(decoded.text), path, options);
    return in;
}

std::unique_ptr<ResponseStream> stream_of(ReadResult read) {
    return std::make_unique<WholeReadStream>(std::move(read));
}

InputStream open_input(const std::string& path, std::string bytes, const InputOptions& options) {
    InputStream out;
    auto whole = [&](InputRead in) {
        out.format = in.format;
        out.encoding = in.encoding;
        out.sheet = in.sheet;
        out.errors = std::move(in.errors);
        out.attributes = attributes_with_a_value(in.read.responses);
        out.responses = stream_of(std::move(in.read));
    };
    InputOptions reading = options;
    reading.keep_table = false;
    if (std::optional<InputRead> refused = refused_as_unreadable(path, bytes)) {
        whole(std::move(*refused));
        return out;
    }
    if (is_workbook(path, bytes)) {
        whole(read_input(path, std::move(bytes), reading));
        return out;
    }
    DecodedText decoded = decode_text(bytes, path);
    std::string().swap(bytes);
    if (decoded.error || !is_delimited(path, decoded.text)) {
        InputRead in;
        in.encoding = decoded.encoding;
        if (decoded.error) in.errors.push_back(*decoded.error);
        else read_text(in, std::move(decoded.text), path, reading);
        whole(std::move(in));
        return out;
    }
    const char delimiter = sniff_delimiter(decoded.text);
    out.format = delimiter_format_name(delimiter);
    out.encoding = decoded.encoding;
    auto stream = std::make_unique<DelimitedTextStream>(std::move(decoded.text), path, delimiter, reading);
    out.errors = stream->errors();
    out.attributes = stream->attributes();
    out.responses = std::move(stream);
    return out;
}

}  // namespace yousaid
