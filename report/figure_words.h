#pragma once
// Figures and names as the report's sentences print them.
#include <string>
#include <vector>

#include <xapian.h>

namespace yousaid::report {

// 1234 -> "1,234".
std::string with_commas(Xapian::doccount n);
// 33.4 -> "33%".
std::string whole_percent(double percent);
// 1 -> "1 response", 1234 -> "1,234 responses" (`plural` defaults to `one` + "s").
std::string count_of(Xapian::doccount n, const std::string& one, const std::string& plural = "");
// One to nine in words, as prose writes them, and larger numbers as with_commas: "three", "1,234".
std::string in_words(Xapian::doccount n);
// As count_of, but one to nine in words, as prose writes them: "one campaign", "12 campaigns".
std::string count_in_words(Xapian::doccount n, const std::string& one, const std::string& plural = "");
// "a", "a and b", "a, b and c"; items that hold a comma themselves are
// separated by semicolons instead ("a; b, c; and d"), so the list stays readable.
std::string listed(const std::vector<std::string>& items);
// A name as it reads inside a sentence: "Working parents" -> "working parents",
// but "LGBT+ social group" and "NHS Choices" keep their capitals.
std::string in_sentence(const std::string& name);
// "age_band" -> "Age band".
std::string as_heading(const std::string& name);

}  // namespace yousaid::report
