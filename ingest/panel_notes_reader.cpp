#include "ingest/panel_notes_reader.h"

#include <optional>

#include "ingest/date_text.h"
#include "ingest/panel_notes_grammar.h"

namespace yousaid {

namespace {

const char* const kKeys[] = {"title", "event", "channel", "date", "place", "attendees", "topic"};

std::string key_list() {
    std::string out;
    for (const char* key : kKeys) out += (out.empty() ? "" : ", ") + std::string(key);
    return out;
}

bool all_digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// A point being read: its first line, then any continuation lines.
struct OpenPoint {
    RawResponse response;
    std::string raw;
    std::optional<Diagnostic> error;
};

class NotesReader {
public:
    explicit NotesReader(const std::string& file) : file_(file) {}

    void read_line(int number, const std::string& text, const std::string& raw) {
        const NotesLine line = parse_notes_line(text);
        auto reject = [&](int column, std::string message) {
            result_.rejected.push_back({{{file_, number, column}, std::move(message), text}, raw});
        };
        if (line.kind == NotesLine::Kind::continuation) {
            if (!point_)
                return reject(line.column, "indented line with no point before it (a point starts with \"- \")");
            point_->raw += raw;
            std::string& so_far = point_->response.text;
            if (!line.value.empty()) so_far += (so_far.empty() ? "" : " ") + line.value;
            return;
        }
        finish_point();
        switch (line.kind) {
            case NotesLine::Kind::field: return set_field(line, reject);
            case NotesLine::Kind::point: return open_point(number, text, raw, line);
            case NotesLine::Kind::bad: return reject(line.column, line.error);
            default: return;
        }
    }

    ReadResult finish() {
        finish_point();
        return std::move(result_);
    }

private:
    template <typename Reject>
    void set_field(const NotesLine& line, Reject reject) {
        const std::string& key = line.key;
        std::string value = line.value;
        if (key == "date" && !value.empty()) {
            if (auto date = parse_date(value)) {
                value = *date;
            } else {
                reject(line.column, "date \"" + value + "\" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)");
                value.clear();
            }
        } else if (key == "attendees" && !value.empty() && !all_digits(value)) {
            reject(line.column, "attendees \"" + value + "\" is not a number");
            value.clear();
        }
        RawResponse& f = fields_;
        if (key == "event") f.event = value;
        else if (key == "channel") f.channel = value;
        else if (key == "date") f.date = value;
        else if (key == "topic") f.question = value;
        else if (key == "title" || key == "place" || key == "attendees") {
            if (value.empty()) f.attributes.erase(key);
            else f.attributes[key] = value;
        } else {
            reject(1, "unknown key \"" + key + "\": expected one of " + key_list());
        }
    }

    void open_point(int number, const std::string& text, const std::string& raw, const NotesLine& line) {
        point_.emplace();
        point_->raw = raw;
        point_->response = fields_;
        point_->response.where = {file_, number, line.column};
        point_->response.text = line.value;
        for (const auto& [name, value] : line.attributes) point_->response.attributes[name] = value;
        if (!line.error.empty()) point_->error = Diagnostic{{file_, number, line.column}, line.error, text};
        source_line_ = text;
    }

    void finish_point() {
        if (!point_) return;
        OpenPoint& p = *point_;
        if (!p.error && p.response.text.empty())
            p.error = Diagnostic{p.response.where, "the point has no text", source_line_};
        if (p.error)
            result_.rejected.push_back({std::move(*p.error), std::move(p.raw)});
        else
            result_.responses.push_back(std::move(p.response));
        point_.reset();
    }

    std::string file_;
    RawResponse fields_;  // the fields set so far, copied into each point
    std::optional<OpenPoint> point_;
    std::string source_line_;  // the open point's first line
    ReadResult result_;
};

}  // namespace

ReadResult read_panel_notes(const std::string& text, const std::string& file_name) {
    NotesReader reader(file_name);
    std::size_t at = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    for (int number = 1; at < text.size(); ++number) {
        std::size_t end = text.find('\n', at);
        end = end == std::string::npos ? text.size() : end + 1;
        std::string line = text.substr(at, end - at);
        const std::string raw = line;
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        reader.read_line(number, line, raw);
        at = end;
    }
    return reader.finish();
}

}  // namespace yousaid
