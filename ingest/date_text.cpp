#include "ingest/date_text.h"

#include <cstdio>

#include <boost/spirit/home/x3.hpp>

namespace yousaid {

namespace x3 = boost::spirit::x3;

namespace {

bool is_leap(unsigned year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

unsigned days_in_month(unsigned year, unsigned month) {
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

}  // namespace

std::optional<std::string> parse_date(const std::string& text) {
    unsigned year = 0, month = 0, day = 0;
    auto const digits4 = x3::uint_parser<unsigned, 10, 4, 4>{};
    auto const digits2 = x3::uint_parser<unsigned, 10, 2, 2>{};
    auto set = [](unsigned& into) { return [&into](auto& ctx) { into = x3::_attr(ctx); }; };
    auto const iso = digits4[set(year)] >> '-' >> digits2[set(month)] >> '-' >> digits2[set(day)];
    auto const uk = digits2[set(day)] >> '/' >> digits2[set(month)] >> '/' >> digits4[set(year)];

    auto first = text.begin();
    if (!x3::parse(first, text.end(), (iso | uk) >> x3::eoi)) return std::nullopt;
    if (year == 0 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        return std::nullopt;
    char out[32];
    std::snprintf(out, sizeof out, "%04u-%02u-%02u", year, month, day);
    return std::string(out);
}

}  // namespace yousaid
