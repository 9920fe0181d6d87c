#include "report/quote_text.h"

#include <memory>
#include <sstream>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include "ingest/unicode_text.h"

namespace yousaid::report {

namespace {

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

std::string one_line(const std::string& text) {
    std::string out;
    for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return out;
}

std::vector<std::string> sentences(const std::string& text) {
    std::vector<std::string> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getUK(), status));
    if (U_FAILURE(status)) return {text};
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
    it->setText(unicode);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
        std::string sentence;
        unicode.tempSubStringBetween(start, end).toUTF8String(sentence);
        out.push_back(sentence);
    }
    return out;
}

std::string first_words(const std::string& text, int n) {
    std::istringstream in(text);
    std::string word, out;
    for (int i = 0; i < n && in >> word; ++i) out += (out.empty() ? "" : " ") + word;
    return out;
}

}  // namespace

int count_words(const std::string& text) {
    std::istringstream in(text);
    std::string word;
    int n = 0;
    while (in >> word) ++n;
    return n;
}

std::string shorten_quote(const std::string& text, int max_words) {
    std::string flat = trim(one_line(text));
    if (count_words(flat) <= max_words) return flat;
    std::string out;
    int words = 0;
    for (const std::string& sentence : sentences(flat)) {
        int n = count_words(sentence);
        if (words + n > max_words) break;
        out += sentence;
        words += n;
    }
    if (out.empty()) out = first_words(flat, max_words);
    return trim(out) + " …";
}

std::string long_date(const std::string& iso) {
    if (iso.size() != 10) return iso;
    int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
    if (month < 1 || month > 12) return iso;
    return std::to_string(day) + " " + kMonths[month - 1] + " " + iso.substr(0, 4);
}

std::string month_year(const std::string& iso) {
    if (iso.size() < 7) return iso;
    int month = std::stoi(iso.substr(5, 2));
    if (month < 1 || month > 12) return iso;
    return std::string(kMonths[month - 1]) + " " + iso.substr(0, 4);
}

std::string attribution(const Response& r) {
    auto attribute = [&](const char* name) {
        auto found = r.attributes.find(name);
        return found == r.attributes.end() ? std::string() : fold_case(found->second);
    };
    std::string gender = attribute("gender");
    std::string who = gender == "female" ? "Woman" : gender == "male" ? "Man" : "";
    std::string age = attribute("age_band");
    if (!age.empty()) who += who.empty() ? "Aged " + age : " aged " + age;
    std::vector<std::string> traits;
    if (attribute("carer") == "yes") traits.push_back("carer");
    if (attribute("parent_under_5") == "yes") traits.push_back("parent of a young child");
    if (attribute("lives_alone") == "yes") traits.push_back("lives alone");
    for (const std::string& trait : traits) who += (who.empty() ? "" : ", ") + trait;
    if (who.empty()) who = "Participant";
    who[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(who[0])));

    // "Telephone survey" says all that "Telephone, Telephone survey" would.
    std::string channel = fold_case(r.channel), event = fold_case(r.event);
    std::string where = r.channel;
    if (!event.empty() && event.find(channel) != std::string::npos) {
        where = r.event;
    } else if (!event.empty() && channel.find(event) == std::string::npos) {
        where += (where.empty() ? "" : ", ") + r.event;
    }
    if (!r.date.empty()) where += (where.empty() ? "" : ", ") + month_year(r.date);
    return where.empty() ? who : who + " — " + where;
}

}  // namespace yousaid::report
