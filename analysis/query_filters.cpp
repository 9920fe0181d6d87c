#include "analysis/query_filters.h"

#include <cctype>
#include <iterator>

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
        } else if (*it == '-' && std::next(it) != end && !std::isspace(static_cast<unsigned char>(*std::next(it)))) {
            // A '-' joined to what follows: a word of its own, so "-channel:x" is seen as a negated filter.
            out.push_back({Piece::word, "-", "", ""});
            ++it;
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
    // A '-' before a filter is scanned as a word of its own ("-"), as is NOT.
    std::size_t pending_not = std::string::npos;  // where in split.words a NOT or '-' waiting for a filter starts
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Scanned& p = pieces[i];
        if (p.kind == Piece::open) ++depth;
        if (p.kind == Piece::close && depth > 0) --depth;
        if (p.kind == Piece::filter && depth == 0) {
            if (pending_not != std::string::npos) {
                split.words.erase(pending_not);
                split.excluded.emplace_back(p.field, p.value);
            } else {
                split.filters.emplace_back(p.field, p.value);
            }
            pending_not = std::string::npos;
            continue;
        }
        if (p.kind == Piece::word && depth == 0 && (p.text == "NOT" || p.text == "-")) {
            pending_not = split.words.size();
        } else if (p.kind != Piece::space) {
            pending_not = std::string::npos;
        }
        split.words += p.text;
    }
    return split;
}

}  // namespace yousaid
