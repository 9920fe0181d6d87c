#include "ingest/map_file.h"

#include <optional>
#include <string_view>

#include <boost/spirit/home/x3.hpp>

#include "ingest/column_roles.h"
#include "ingest/date_text.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace x3 = boost::spirit::x3;

namespace {

using Iterator = std::string::const_iterator;

constexpr const char* kRoles = "id, text, event, channel, date, question, attribute or skip";

// A problem on the line in hand, at `at`.
struct LineError {
    Iterator at;
    std::string message;
};

// A column name or value as written: bare (trimmed) or in double quotes.
struct Name {
    std::string text;
    Iterator at;          // its first character, the opening quote if quoted
    bool quoted = false;
};

// ASCII only: the character classes of x3's standard encoding expect plain chars.
auto const letter = x3::char_('a', 'z') | x3::char_('A', 'Z');
auto const digit = x3::char_('0', '9');
auto const blank = x3::char_(" \t");
auto const blanks = *blank;
// A '#' at the start of the statement or after a space or tab starts a comment.
auto const comment_start = +blank >> '#';
auto const rest_is_comment = blanks >> -('#' >> *x3::char_) >> x3::eoi;

enum class Stop { end, comma, arrow };

bool is_snake_case(const std::string& name) {
    auto const snake = x3::char_('a', 'z') >> *(x3::char_('a', 'z') | digit | '_') >> x3::eoi;
    auto first = name.begin();
    return x3::parse(first, name.end(), snake);
}

// A name at `first` (after blanks), ending where `stop` says or at a comment.
Name parse_name(Iterator& first, Iterator last, Stop stop) {
    const Iterator start = first;
    x3::parse(first, last, blanks);
    Name name{"", first, first != last && *first == '"'};
    if (name.quoted) {
        auto const append = [&](auto& ctx) {
            auto range = x3::_attr(ctx);
            name.text.append(range.begin(), range.end());
        };
        auto const append_quote = [&](auto&) { name.text += '"'; };
        auto const quoted =
            '"' >> *(x3::raw[+~x3::char_('"')][append] | x3::lit("\"\"")[append_quote]) >> '"';
        if (!x3::parse(first, last, quoted))
            throw LineError{name.at, "this quote has no closing quote (write a quote inside quotes as \"\")"};
        return name;
    }
    auto const set = [&](auto& ctx) {
        auto range = x3::_attr(ctx);
        name.text = trim(std::string(range.begin(), range.end()));
    };
    first = start;  // so that blanks then '#' start a comment
    auto const end = comment_start | x3::eoi;
    switch (stop) {
        case Stop::end: x3::parse(first, last, x3::raw[*(x3::char_ - end)][set]); break;
        case Stop::comma: x3::parse(first, last, x3::raw[*(x3::char_ - end - ',')][set]); break;
        case Stop::arrow: x3::parse(first, last, x3::raw[*(x3::char_ - end - "->")][set]); break;
    }
    return name;
}

// The end of a statement: only blanks and a comment may follow.
void expect_end(Iterator& first, Iterator last, const std::string& what) {
    const Iterator at = first;
    if (!x3::parse(first, last, rest_is_comment)) {
        Iterator text = at;
        x3::parse(text, last, blanks);
        throw LineError{text, "unexpected text after " + what + " (put a name holding '\"' or ' #' in quotes)"};
    }
}

class MapParser {
public:
    MapParser(const std::string& file_name, MapFileParse& result) : file_name_(file_name), result_(result) {}

    void line(int number, const std::string& text) {
        number_ = number;
        text_ = &text;
        try {
            statement(text.begin(), text.end());
        } catch (const LineError& error) {
            result_.errors.push_back(
                {{file_name_, number_, code_point_column(text.begin(), error.at)}, error.message, text});
        }
    }

    // After the last line: `end` is where the file ends.
    void finish(const SourceLocation& end, const std::string& last_line) {
        if (!text_given_)
            result_.errors.push_back({end, "no text column: add a line \"text: COLUMN\"", last_line});
    }

private:
    void statement(Iterator first, Iterator last) {
        if (x3::parse(first, last, rest_is_comment)) return;  // blank or comment
        if (Iterator after = first; x3::parse(after, last, x3::lit("  ") | '\t')) return value_map(first, last);
        if (*first == ' ')
            throw LineError{first, "indent a \"FROM -> TO\" line by two or more spaces, and start every "
                                   "other line in the first column"};
        in_attribute_ = false;
        attribute_ = std::nullopt;

        const Iterator role_at = first;
        std::string role;
        auto const set_role = [&](auto& ctx) {
            auto range = x3::_attr(ctx);
            role.assign(range.begin(), range.end());
        };
        auto const word = x3::raw[letter >> *(letter | digit | x3::char_("_-"))];
        if (!x3::parse(first, last, word[set_role]))
            throw LineError{role_at, "expected a role (" + std::string(kRoles) + "), then \":\" and a column"};
        for (char& c : role)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (role == "attribute") return attribute(first, last);
        // Roles given at most once; all but id may instead be a constant.
        const bool has_constant = role == "event" || role == "channel" || role == "date" || role == "question";
        if (!has_constant && role != "id" && role != "text" && role != "skip") {
            Iterator end = first;
            x3::parse(end, last, *(x3::char_ - ':' - '=' - comment_start));
            throw LineError{role_at, "unknown role \"" + trim(std::string(role_at, end)) + "\": expected " + kRoles};
        }
        x3::parse(first, last, blanks);
        const Iterator separator = first;
        if (x3::parse(first, last, ':')) {
            if (role == "skip") return skip(first, last);
            if (role == "text") text_given_ = true;  // even if its column is bad: that error is enough
            ColumnRef ref = column(first, last, role);
            if (role == "text") {
                result_.map.text.push_back(std::move(ref));
                return;
            }
            once(role, "column", separator);
            column_list(role).push_back(std::move(ref));
        } else if (x3::parse(first, last, '=')) {
            if (!has_constant)
                throw LineError{separator, "\"" + role + "\" takes " +
                                               (role == "skip" ? "columns (\"skip: COLUMN, COLUMN\")"
                                                               : "a column (\"" + role + ": COLUMN\")") +
                                               ", not a value after \"=\""};
            constant(first, last, role, separator);
        } else {
            throw LineError{separator, "expected \":\" and a column, or \"=\" and a value, after \"" + role + "\""};
        }
    }

    std::vector<ColumnRef>& column_list(const std::string& role) {
        MapFile& map = result_.map;
        return role == "id" ? map.id : role == "event" ? map.event : role == "channel" ? map.channel
                                     : role == "date"  ? map.date
                                                       : map.question;
    }

    // A role allowed once, as a column or as a constant, given on this line.
    void once(const std::string& role, const char* kind, Iterator separator) {
        auto [seen, first_time] = given_.try_emplace(role, Given{number_, kind});
        if (first_time) return;
        const std::string line = std::to_string(seen->second.line);
        if (seen->second.kind == std::string(kind))
            throw LineError{separator, "\"" + role + "\" is given twice (first on line " + line + ")"};
        throw LineError{separator, "\"" + role + "\" is given both as a " + seen->second.kind + " (line " + line +
                                       ") and as a " + kind + ": keep one"};
    }

    ColumnRef column(Iterator& first, Iterator last, const std::string& role) {
        const Name name = parse_name(first, last, Stop::end);
        if (name.text.empty())
            throw LineError{name.at, "\"" + role + "\" needs a column: \"" + role + ": COLUMN\""};
        expect_end(first, last, "the column name");
        return ref(name);
    }

    ColumnRef ref(const Name& name) const {
        return {name.text, {file_name_, number_, code_point_column(text_->begin(), name.at)}};
    }

    void skip(Iterator first, Iterator last) {
        std::vector<ColumnRef> refs;
        do {
            const Name name = parse_name(first, last, Stop::comma);
            if (name.text.empty())
                throw LineError{name.at, "expected a column name (\"skip: COLUMN, COLUMN\")"};
            refs.push_back(ref(name));
            x3::parse(first, last, blanks);
        } while (x3::parse(first, last, ','));
        expect_end(first, last, "the column names");
        for (ColumnRef& r : refs) result_.map.skip.push_back(std::move(r));
    }

    void constant(Iterator first, Iterator last, const std::string& role, Iterator separator) {
        const Name value = parse_name(first, last, Stop::end);
        if (value.text.empty())
            throw LineError{value.at, "\"" + role + " =\" needs a value: \"" + role + " = VALUE\""};
        expect_end(first, last, "the value");
        std::string stored = value.text;
        if (role == "date") {
            const auto date = parse_date(value.text);
            if (!date)
                throw LineError{value.at, "date \"" + value.text +
                                              "\" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)"};
            stored = *date;
        }
        once(role, "constant", separator);
        result_.map.constants[role] = stored;
    }

    void attribute(Iterator first, Iterator last) {
        in_attribute_ = true;
        x3::parse(first, last, blanks);
        const Iterator name_at = first;
        std::string name;
        auto const set_name = [&](auto& ctx) {
            auto range = x3::_attr(ctx);
            name.assign(range.begin(), range.end());
        };
        x3::parse(first, last, x3::raw[*(x3::char_ - ':' - '=' - comment_start)][set_name]);
        name = trim(name);
        const Iterator separator = first;
        if (name.empty() && separator != last && *separator == '=')
            throw LineError{separator, "\"attribute\" takes a name and a column (\"attribute NAME: COLUMN\"), "
                                       "not a value after \"=\""};
        if (name.empty())
            throw LineError{name_at, "expected an attribute name: \"attribute NAME: COLUMN\""};
        if (!is_snake_case(name)) {
            const std::string suggestion = snake_case(name);
            throw LineError{name_at, "attribute name \"" + name +
                                         "\" is not snake_case (lower-case letters, digits and '_', "
                                         "starting with a letter)" +
                                         (is_snake_case(suggestion) ? ": write \"" + suggestion + "\"" : "")};
        }
        if (x3::parse(first, last, '='))
            throw LineError{separator, "\"attribute\" takes a column (\"attribute " + name +
                                           ": COLUMN\"), not a value after \"=\""};
        if (!x3::parse(first, last, ':'))
            throw LineError{separator, "expected \":\" and a column after the attribute name: \"attribute " +
                                           name + ": COLUMN\""};
        const ColumnRef column_ref = column(first, last, "attribute " + name);
        auto [seen, first_time] = attribute_lines_.try_emplace(name, number_);
        if (!first_time)
            throw LineError{name_at, "attribute \"" + name + "\" is given twice (first on line " +
                                         std::to_string(seen->second) + ")"};
        result_.map.attributes.push_back({name, column_ref, {}});
        attribute_ = result_.map.attributes.size() - 1;
        value_lines_.clear();
    }

    void value_map(Iterator first, Iterator last) {
        x3::parse(first, last, blanks);
        if (!in_attribute_)
            throw LineError{first, "an indented \"FROM -> TO\" line maps values of the attribute above it, "
                                   "but there is none: put it under \"attribute NAME: COLUMN\""};
        const Name from = parse_name(first, last, Stop::arrow);
        if (from.text.empty())
            throw LineError{from.at, "expected the value as written before \"->\": \"FROM -> TO\""};
        x3::parse(first, last, blanks);
        if (!x3::parse(first, last, "->"))
            throw LineError{first, "expected \"->\" and the value to store: \"FROM -> TO\""};
        const Name to = parse_name(first, last, Stop::end);
        if (to.text.empty() && !to.quoted)  // "" stores no value
            throw LineError{to.at, "expected the value to store after \"->\": \"FROM -> TO\""};
        expect_end(first, last, "the value");
        if (!attribute_) return;  // the attribute line had an error, reported there
        const std::string key = fold_case(trim(from.text));
        auto [seen, first_time] = value_lines_.try_emplace(key, number_);
        if (!first_time)
            throw LineError{from.at, "\"" + from.text + "\" is mapped twice (first on line " +
                                         std::to_string(seen->second) + ")"};
        result_.map.attributes[*attribute_].values[key] = trim(to.text);
    }

    struct Given {
        int line;
        const char* kind;  // "column" or "constant"
    };

    const std::string& file_name_;
    MapFileParse& result_;
    int number_ = 0;
    const std::string* text_ = nullptr;
    bool text_given_ = false;
    bool in_attribute_ = false;              // value-map lines may follow
    std::optional<std::size_t> attribute_;   // the attribute they map, unless its line was bad
    std::map<std::string, Given> given_;     // roles allowed once
    std::map<std::string, int> attribute_lines_;
    std::map<std::string, int> value_lines_;  // of the current attribute
};

}  // namespace

MapFileParse parse_map_file(const std::string& text, const std::string& file_name) {
    MapFileParse result;
    MapParser parser(file_name, result);
    std::string_view body(text);
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
    int number = 1;
    std::string line;
    std::size_t start = 0;
    while (true) {
        std::size_t end = body.find('\n', start);
        const bool last = end == std::string_view::npos;
        if (last) end = body.size();
        line.assign(body.substr(start, end - start));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (last) {
            if (!line.empty()) parser.line(number, line);
            parser.finish({file_name, number, code_point_column(line.cbegin(), line.cend())}, line);
            break;
        }
        parser.line(number, line);
        start = end + 1;
        ++number;
    }
    return result;
}

}  // namespace yousaid
