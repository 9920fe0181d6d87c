#include "analysis/query_filters.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include <boost/spirit/home/x3.hpp>

#include "ingest/byte_classes.h"

namespace yousaid {

namespace x3 = boost::spirit::x3;
namespace bytes = yousaid::byte_classes;

using Kind = QueryPiece::Kind;

namespace {

bool is_field_in(const std::vector<std::string>& fields, const std::string& name) {
    return std::find(fields.begin(), fields.end(), name) != fields.end();
}

std::function<bool(const std::string&)> field_test(const std::vector<std::string>& fields) {
    return [&fields](const std::string& name) { return is_field_in(fields, name); };
}

bool is_operator(const QueryPiece& p) {
    return p.kind == Kind::word && (p.text == "AND" || p.text == "OR" || p.text == "NOT" || p.text == "XOR");
}

// A sign joined to its operand: -word, +word, ~word.
bool is_sign(const QueryPiece& p) { return p.kind == Kind::word && (p.text == "-" || p.text == "+" || p.text == "~"); }

bool has_word_characters(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
}

std::string at_column(const std::string& query, std::size_t at) { return " at column " + std::to_string(column_at(query, at)); }

}  // namespace

std::vector<QueryPiece> scan_query(const std::string& query, const std::function<bool(const std::string&)>& is_field) {
    using It = std::string::const_iterator;
    std::vector<QueryPiece> out;
    auto const quoted = x3::lexeme['"' >> *(x3::char_ - '"') >> -x3::lit('"')];
    auto const bare = +(x3::char_ - bytes::space - '(' - ')' - '"');
    auto const name = +(bytes::alnum | x3::char_('_'));
    It it = query.begin(), end = query.end();
    auto piece = [&](Kind kind, It start, std::string field = "", std::string value = "") {
        out.push_back({kind, std::string(start, it), static_cast<std::size_t>(start - query.begin()), std::move(field),
                       std::move(value)});
    };
    while (it != end) {
        It start = it;
        std::string field, value;
        if (x3::parse(it, end, x3::lexeme[name >> ':'], field) && is_field(field)) {
            if (x3::parse(it, end, quoted, value) || x3::parse(it, end, bare, value)) {
                piece(Kind::filter, start, field, value);
                continue;
            }
        }
        it = start;
        if (x3::parse(it, end, quoted)) {
            piece(Kind::phrase, start);
        } else if (x3::parse(it, end, +bytes::space)) {
            piece(Kind::space, start);
        } else if (*it == '-' && std::next(it) != end && !std::isspace(static_cast<unsigned char>(*std::next(it)))) {
            // A '-' joined to what follows: a word of its own, so "-channel:x" is seen as a negated filter.
            ++it;
            piece(Kind::word, start);
        } else if (x3::parse(it, end, x3::char_('('))) {
            piece(Kind::open, start);
        } else if (x3::parse(it, end, x3::char_(')'))) {
            piece(Kind::close, start);
        } else if (x3::parse(it, end, bare)) {
            piece(Kind::word, start);
        } else {
            ++it;
            piece(Kind::word, start);
        }
    }
    return out;
}

SplitQuery split_query_filters(const std::string& query, const std::vector<std::string>& fields) {
    std::vector<QueryPiece> pieces = scan_query(query, field_test(fields));
    SplitQuery split;
    int depth = 0;
    // An AND, a NOT or a '-' (scanned as a word of its own) before a top-level
    // filter goes with it: "a AND NOT channel:x" excludes x from a.
    std::size_t pending = std::string::npos;  // where in split.words the AND, NOT or '-' waiting for a filter starts
    bool negated = false;
    for (const QueryPiece& p : pieces) {
        if (p.kind == Kind::open) ++depth;
        if (p.kind == Kind::close && depth > 0) --depth;
        if (p.kind == Kind::filter && depth == 0) {
            if (pending != std::string::npos) split.words.erase(pending);
            (negated ? split.excluded : split.filters).emplace_back(p.field, p.value);
            pending = std::string::npos;
            negated = false;
            continue;
        }
        const bool top_word = p.kind == Kind::word && depth == 0;
        if (top_word && p.text == "AND") {
            pending = split.words.size();
            negated = false;
        } else if (top_word && (p.text == "NOT" || p.text == "-")) {
            if (pending == std::string::npos || negated) pending = split.words.size();
            negated = true;
        } else if (p.kind != Kind::space) {
            pending = std::string::npos;
            negated = false;
        }
        split.words += p.text;
    }
    return split;
}

std::optional<QueryProblem> find_unbalanced(const std::string& query, const std::vector<std::string>& fields) {
    auto problem = [&](std::size_t at, const std::string& what, const std::string& is) {
        return QueryProblem{column_at(query, at), what + at_column(query, at) + is};
    };
    std::vector<std::size_t> open;  // where each '(' not yet closed is
    for (const QueryPiece& p : scan_query(query, field_test(fields))) {
        // A phrase or a quoted filter value that runs to the end of the query is never closed.
        const std::size_t quote = p.text.find('"');
        if ((p.kind == Kind::phrase || p.kind == Kind::filter) && quote != std::string::npos &&
            (p.text.size() == quote + 1 || p.text.back() != '"')) {
            return problem(p.at + quote, "the quote", " is never closed");
        }
        if (p.kind == Kind::open) open.push_back(p.at);
        if (p.kind == Kind::close) {
            if (open.empty()) return problem(p.at, "the ')'", " has no '(' before it");
            open.pop_back();
        }
    }
    if (!open.empty()) return problem(open.front(), "the '('", " is never closed");
    return std::nullopt;
}

std::optional<QueryProblem> find_operator_without_operand(const std::string& query, const std::string& op,
                                                          const std::vector<std::string>& fields) {
    struct Token {
        const QueryPiece* piece;
        bool top_filter;  // taken out of the words to apply to the whole query
    };
    const std::vector<QueryPiece> pieces = scan_query(query, field_test(fields));
    std::vector<Token> tokens;
    int depth = 0;
    for (const QueryPiece& p : pieces) {
        if (p.kind == Kind::space) continue;
        if (p.kind == Kind::close && depth > 0) --depth;
        tokens.push_back({&p, p.kind == Kind::filter && depth == 0});
        if (p.kind == Kind::open) ++depth;
    }
    const bool two_words = op == "AND NOT";
    const std::string first_word = two_words ? "AND" : op;
    // Why the token at `j`, on one side of the operator, is no operand; empty when it is one.
    auto no_operand = [&](std::ptrdiff_t j, Kind bracket, const char* side) -> std::string {
        if (j < 0 || j >= static_cast<std::ptrdiff_t>(tokens.size()) || tokens[j].piece->kind == bracket) {
            return std::string(" has nothing ") + side + " it";
        }
        const QueryPiece& p = *tokens[j].piece;
        if (tokens[j].top_filter) {
            return std::string(" has no words ") + side + " it: " + p.text +
                   " filters the whole query (inside brackets a filter can be one side of " + op + ")";
        }
        if (is_operator(p)) return std::string(" has ") + p.text + " straight " + side + " it";
        if ((p.kind == Kind::word || p.kind == Kind::phrase) && !has_word_characters(p.text)) {
            return std::string(" has nothing ") + side + " it";
        }
        return "";
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].piece->kind != Kind::word || tokens[i].piece->text != first_word) continue;
        std::size_t last = i;
        if (two_words) {
            if (i + 1 >= tokens.size() || tokens[i + 1].piece->text != "NOT") continue;
            last = i + 1;
        }
        // Xapian allows a NOT with nothing before it (all responses but...), but not NOT NOT.
        std::string why;
        if (op != "NOT" || (i > 0 && tokens[i - 1].piece->text == "NOT")) {
            why = no_operand(static_cast<std::ptrdiff_t>(i) - 1, Kind::open, "before");
        }
        if (why.empty()) {
            std::size_t after = last + 1;
            // A NOT (but after AND NOT) or a sign belongs to the operand after it.
            while (after < tokens.size() &&
                   ((!two_words && tokens[after].piece->text == "NOT") || is_sign(*tokens[after].piece))) {
                ++after;
            }
            why = no_operand(static_cast<std::ptrdiff_t>(after), Kind::close, "after");
        }
        const std::size_t at = tokens[i].piece->at;
        if (!why.empty()) return QueryProblem{column_at(query, at), op + at_column(query, at) + why};
    }
    return std::nullopt;
}

std::size_t column_at(const std::string& text, std::size_t at) {
    at = std::min(at, text.size());
    // Every byte but a UTF-8 continuation byte starts a character.
    return 1 + static_cast<std::size_t>(std::count_if(text.begin(), text.begin() + at, [](char c) {
               return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
           }));
}

}  // namespace yousaid
