#include "ingest/panel_notes_grammar.h"

#include <algorithm>

#include <boost/spirit/home/x3.hpp>

#include "ingest/byte_classes.h"

#include "ingest/diagnostic.h"

#include "ingest/column_roles.h"

namespace yousaid {

namespace x3 = boost::spirit::x3;
namespace bytes = yousaid::byte_classes;

namespace {

using Iterator = std::string::const_iterator;

int column_of(Iterator line_start, Iterator at) { return code_point_column(line_start, at); }

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

auto const blanks = *x3::char_(" \t");
auto const to_string = [](auto& ctx, std::string& into) {
    auto range = x3::_attr(ctx);
    into.assign(range.begin(), range.end());
};

// After "- ": `{name: value; ...}` if present, then the text. Returns false with
// line.error and line.column set when the attributes do not parse.
bool parse_point(Iterator begin, Iterator first, Iterator last, NotesLine& line) {
    if (first != last && *first == '{') {
        const Iterator open = first;
        std::string name, value;
        auto const set_name = [&](auto& ctx) { to_string(ctx, name); };
        auto const set_value = [&](auto& ctx) { to_string(ctx, value); };
        auto const add = [&](auto&) {
            if (!trim(value).empty()) line.attributes.emplace_back(snake_case(name), trim(value));
        };
        auto const name_chars = x3::raw[bytes::alnum >> *(bytes::alnum | x3::char_(" _-"))];
        auto const item = blanks >> name_chars[set_name] >> blanks >> ':' >>
                          x3::raw[*~x3::char_(";}")][set_value] >> x3::eps[add];
        auto const closing = x3::rule<class closing_>{"closing brace"} = x3::lit('}');
        try {
            x3::parse(first, last, '{' >> ((item | blanks) % ';') > closing);
        } catch (const x3::expectation_failure<Iterator>& failure) {
            const bool unclosed = std::find(open, last, '}') == last;
            line.column = column_of(begin, unclosed ? open : failure.where());
            line.error = unclosed ? "\"{\" opens attributes but this line has no \"}\" to close them"
                                  : "expected \"name: value\" in the attributes";
            return false;
        }
    }
    x3::parse(first, last, blanks);
    line.column = column_of(begin, first);
    line.value = trim(std::string(first, last));
    return true;
}

}  // namespace

NotesLine parse_notes_line(const std::string& text) {
    NotesLine line;
    const Iterator begin = text.begin(), last = text.end();
    Iterator first = begin;
    auto const set_key = [&](auto& ctx) { to_string(ctx, line.key); };
    auto const key = x3::raw[bytes::alpha >> *(bytes::alnum | x3::char_("_-"))];

    if (x3::parse(first, last, blanks >> x3::eoi)) {
        line.kind = NotesLine::Kind::blank;
    } else if (first = begin; x3::parse(first, last, x3::lit('#'))) {
        line.kind = NotesLine::Kind::comment;
    } else if (first = begin; x3::parse(first, last, (x3::lit("  ") | '\t') >> blanks)) {
        line.kind = NotesLine::Kind::continuation;
        line.column = column_of(begin, first);
        line.value = trim(std::string(first, last));
    } else if (first = begin; x3::parse(first, last, x3::lit("- "))) {
        line.kind = NotesLine::Kind::point;
        parse_point(begin, first, last, line);
    } else if (first = begin; x3::parse(first, last, key[set_key] >> blanks >> ':' >> blanks)) {
        line.kind = NotesLine::Kind::field;
        for (char& c : line.key)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        line.column = column_of(begin, first);
        line.value = trim(std::string(first, last));
    } else {
        line.error = "expected \"- \" to start a point, \"key: value\", or a comment";
    }
    return line;
}

}  // namespace yousaid
