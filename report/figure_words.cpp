#include "report/figure_words.h"

#include <cctype>
#include <cmath>

namespace yousaid::report {

std::string with_commas(Xapian::doccount n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string whole_percent(double percent) { return std::to_string(static_cast<long>(std::lround(percent))) + "%"; }

std::string count_of(Xapian::doccount n, const std::string& one, const std::string& plural) {
    return with_commas(n) + " " + (n == 1 ? one : plural.empty() ? one + "s" : plural);
}

std::string in_words(Xapian::doccount n) {
    static const char* const kWords[] = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    return n < 10 ? kWords[n] : with_commas(n);
}

std::string count_in_words(Xapian::doccount n, const std::string& one, const std::string& plural) {
    return in_words(n) + " " + (n == 1 ? one : plural.empty() ? one + "s" : plural);
}

std::string listed(const std::vector<std::string>& items) {
    bool commas = false;
    for (const std::string& item : items) commas = commas || item.find(',') != std::string::npos;
    const std::string between = commas ? "; " : ", ";
    const std::string last = commas && items.size() > 2 ? "; and " : " and ";
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == items.size() ? last : between) + items[i];
    }
    return out;
}

std::string in_sentence(const std::string& name) {
    // Only a capital followed by a lower-case letter is a sentence capital; two
    // capitals in a row (an acronym) are kept.
    if (name.size() < 2 || !std::isupper(static_cast<unsigned char>(name[0])) ||
        !std::islower(static_cast<unsigned char>(name[1]))) {
        return name;
    }
    std::string out = name;
    out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

std::string as_heading(const std::string& name) {
    std::string out = name;
    for (char& ch : out) {
        if (ch == '_') ch = ' ';
    }
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

}  // namespace yousaid::report
