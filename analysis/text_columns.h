#pragma once
// Laying out plain-text tables for the terminal: widths count code points, so
// names with £ or é line up.
#include <string>

namespace yousaid::text {

std::size_t width(const std::string& utf8);
std::string pad_right(const std::string& s, std::size_t columns);
std::string pad_left(const std::string& s, std::size_t columns);
// A number with `places` decimals ("26.7").
std::string fixed(double value, int places);
// A percentage to one decimal place, as every table shows it ("26.7%").
std::string percent(double value);

}  // namespace yousaid::text
