#pragma once
#include <optional>
#include <string>

namespace yousaid {

// A calendar date written YYYY-MM-DD or DD/MM/YYYY (UK order), as YYYY-MM-DD;
// nothing when the text is not a real date (31/06/2014 is not).
std::optional<std::string> parse_date(const std::string& text);

}  // namespace yousaid
