#include "analysis/codebook_line.h"

#include <boost/spirit/home/x3.hpp>

#include "ingest/byte_classes.h"

#include "ingest/diagnostic.h"

namespace yousaid {

namespace x3 = boost::spirit::x3;
namespace bytes = yousaid::byte_classes;

namespace {

using Iterator = std::string::const_iterator;

int column_of(Iterator line_start, Iterator at) { return code_point_column(line_start, at); }

std::string trim_end(Iterator first, Iterator last) {
    while (last != first && (last[-1] == ' ' || last[-1] == '\t')) --last;
    return std::string(first, last);
}

auto const blanks = *x3::char_(" \t");

}  // namespace

CodebookLine parse_codebook_line(const std::string& text) {
    CodebookLine line;
    const Iterator begin = text.begin(), last = text.end();
    Iterator first = begin;
    x3::parse(first, last, blanks);
    line.indent = line.text_column = column_of(begin, first);
    --line.indent;
    line.text = trim_end(first, last);
    const Iterator content = first;

    auto const set = [](std::string& into) {
        return [&into](auto& ctx) { into.assign(x3::_attr(ctx).begin(), x3::_attr(ctx).end()); };
    };
    auto const keyword = x3::raw[x3::lit("theme") | x3::lit("group")] >> &(x3::char_(" \t") | x3::eoi);
    auto const name = x3::raw[bytes::alpha >> *(bytes::alnum | x3::char_("_-"))];

    if (first == last) {
        line.kind = CodebookLine::Kind::blank;
    } else if (*first == '#') {
        line.kind = CodebookLine::Kind::comment;
    } else if (line.indent == 0 && x3::parse(first, last, keyword[set(line.keyword)] >> blanks)) {
        line.kind = CodebookLine::Kind::block;
    } else if (first = content; x3::parse(first, last, name[set(line.name)] >> blanks >> ':' >> blanks)) {
        line.kind = CodebookLine::Kind::property;
    } else {
        return line;
    }
    line.value_column = column_of(begin, first);
    line.value = trim_end(first, last);
    return line;
}

}  // namespace yousaid
