#include "analysis/query_filters.h"

#include <boost/spirit/home/x3.hpp>

namespace yousaid {

namespace x3 = boost::spirit::x3;

namespace {

// One piece of a query: the grammar only needs to tell filters, quoted
// phrases, parentheses, words and spaces apart.
enum class Piece { filter, phrase, open, close, word, space };

struct Scanned {
    Piece kind;
    std::string text;   // as written
    std::string field;  // filters only
    std::string value;  // filters only, unquoted
};

bool is_field(const std::string& name, const std::vector<std::string>& fields) {
    for (const std::string& f : fields) {
        if (f == name) return true;
    }
    return false;
}

std::vector<Scanned> scan(const std::string& query, const std::vector<std::string>& fields) {
    using It = std::string::const_iterator;
    std::vector<Scanned> out;
    auto const quoted = x3::lexeme['"' >> *(x3::char_ - '"') >> -x3::lit('"')];
    auto const bare = +(x3::char_ - x3::space - '(' - ')' - '"');
    auto const name = +(x3::alnum | x3::char_('_'));
    It it = query.begin(), end = query.end();
    while (it != end) {
        It start = it;
        std::string field, value;
        if (x3::parse(it, end, x3::lexeme[name >> ':'], field) && is_field(field, fields)) {
            std::string v;
            It value_start = it;
            if (x3::parse(it, end, quoted, v) || x3::parse(it, end, bare, v)) {
                out.push_back({Piece::filter, std::string(start, it), field, v});
                continue;
            }
            it = value_start;
        }
        it = start;
        std::string text;
        if (x3::parse(it, end, x3::raw[quoted], text)) {
            out.push_back({Piece::phrase, text, "", ""});
        } else if (x3::parse(it, end, x3::raw[+x3::space], text)) {
            out.push_back({Piece::space, text, "", ""});
        } else if (x3::parse(it, end, x3::char_('('))) {
            out.push_back({Piece::open, "(", "", ""});
        } else if (x3::parse(it, end, x3::char_(')'))) {
            out.push_back({Piece::close, ")", "", ""});
        } else if (x3::parse(it, end, x3::raw[bare], text)) {
            out.push_back({Piece::word, text, "", ""});
        } else {
            out.push_back({Piece::word, std::string(1, *it), "", ""});
            ++it;
        }
    }
    return out;
}

}  // namespace

SplitQuery split_query_filters(const std::string& query, const std::vector<std::string>& fields) {
    std::vector<Scanned> pieces = scan(query, fields);
    SplitQuery split;
    int depth = 0;
    std::string previous_word;  // the last word at this level, to see a NOT before a filter
    for (const Scanned& p : pieces) {
        if (p.kind == Piece::open) ++depth;
        if (p.kind == Piece::close && depth > 0) --depth;
        bool negated = previous_word == "NOT" || (!p.text.empty() && p.text[0] == '-');
        if (p.kind == Piece::filter && depth == 0 && !negated) {
            split.filters.emplace_back(p.field, p.value);
            continue;
        }
        split.words += p.text;
        if (p.kind != Piece::space) previous_word = p.text;
    }
    return split;
}

}  // namespace yousaid
