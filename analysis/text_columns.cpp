#include "analysis/text_columns.h"

#include <cstdio>

namespace yousaid::text {

std::size_t width(const std::string& utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

std::string pad_right(const std::string& s, std::size_t columns) {
    return s + std::string(columns > width(s) ? columns - width(s) : 0, ' ');
}

std::string pad_left(const std::string& s, std::size_t columns) {
    return std::string(columns > width(s) ? columns - width(s) : 0, ' ') + s;
}

std::string fixed(double value, int places) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", places, value);
    return buffer;
}

std::string percent(double value) { return fixed(value, 1) + "%"; }

}  // namespace yousaid::text
