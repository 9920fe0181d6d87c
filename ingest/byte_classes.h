#pragma once
// Character classes for Spirit X3 grammars that read UTF-8 bytes. X3's own
// (x3::space, x3::alnum, x3::no_case, ...) hand each byte to <cctype>, which is
// undefined for the negative chars that bytes past 0x7F become (and asserts in
// builds with assertions on). These compare byte values only: a byte past 0x7F
// is never a letter, digit or space here, so any non-ASCII text is "other".
#include <boost/spirit/home/x3.hpp>

namespace yousaid::byte_classes {

namespace x3 = boost::spirit::x3;

inline const auto space = x3::char_(" \t\n\v\f\r");
inline const auto digit = x3::char_('0', '9');
inline const auto alpha = x3::char_('a', 'z') | x3::char_('A', 'Z');
inline const auto alnum = alpha | digit;

// An ASCII word in any case ("and", "AND", "And"); the skipper runs first, as
// for x3::lit. The word is given in lower case.
struct NoCaseWord : x3::parser<NoCaseWord> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    const char* word;

    explicit constexpr NoCaseWord(const char* lower) : word(lower) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&, Attribute&) const {
        x3::skip_over(first, last, context);
        Iterator at = first;
        for (const char* w = word; *w; ++w, ++at) {
            if (at == last) return false;
            const char c = *at;
            if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != *w) return false;
        }
        first = at;
        return true;
    }
};

inline constexpr NoCaseWord no_case_word(const char* lower) { return NoCaseWord(lower); }

}  // namespace yousaid::byte_classes
