#include "report/quote_text.h"

#include <memory>
#include <sstream>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include "ingest/unicode_text.h"
#include "report/figure_words.h"

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

// The longest start of `text` of at most `max_words` words that ends a
// sentence by its punctuation alone: ".", "!", "?" or "…" (closing quotes and
// brackets may follow), then a space. Empty when there is none.
std::string punctuated_start(const std::string& text, int max_words) {
    std::string best;
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::size_t end;
        if (text[i] == '.' || text[i] == '!' || text[i] == '?') {
            end = i + 1;
        } else if (text.compare(i, 3, "\u2026") == 0) {
            end = i + 3;
        } else {
            continue;
        }
        while (end < text.size() && (text[end] == '"' || text[end] == '\'' || text[end] == ')')) ++end;
        if (text.compare(end, 3, "\u201D") == 0 || text.compare(end, 3, "\u2019") == 0) end += 3;
        if (end >= text.size() || text[end] != ' ') continue;
        std::string start = text.substr(0, end);
        if (count_words(start) > max_words) break;
        best = std::move(start);
    }
    return best;
}

// Words a cut at a word boundary should not end on.
std::string without_trailing_punctuation(std::string text) {
    while (!text.empty() && (text.back() == ',' || text.back() == ';' || text.back() == ':' || text.back() == '-')) {
        text.pop_back();
    }
    return text;
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
    if (out.empty()) out = punctuated_start(flat, max_words);
    if (out.empty()) out = without_trailing_punctuation(first_words(flat, max_words));
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

std::string person_from_attributes(const Response& r) {
    auto attribute = [&](const char* name) {
        auto found = r.attributes.find(name);
        return found == r.attributes.end() ? std::string() : fold_case(found->second);
    };
    const std::string gender = attribute("gender"), age = attribute("age_band");
    std::string who = gender == "female" ? "Woman" : gender == "male" ? "Man" : "";
    if (!age.empty()) who += who.empty() ? "Aged " + age : " aged " + age;
    return who;
}

std::string attribution(const Response& r, const std::string& who) {
    std::vector<std::string> parts = {who.empty() ? "Participant" : who};
    const std::string channel = fold_case(r.channel), event = fold_case(r.event);
    if (!event.empty() && !channel.empty() && event.find(channel) != std::string::npos) {
        // "Telephone survey" says all that "telephone, Telephone survey" would.
        parts.push_back(event.rfind(channel, 0) == 0 ? in_sentence(r.event) : r.event);
    } else {
        if (!r.channel.empty()) parts.push_back(in_sentence(r.channel));
        std::size_t comma = r.event.rfind(',');
        std::string place = comma == std::string::npos ? r.event : trim(r.event.substr(comma + 1));
        if (!place.empty() && (channel.empty() || channel.find(fold_case(place)) == std::string::npos)) {
            parts.push_back(place);
        }
    }
    if (!r.date.empty()) parts.push_back(month_year(r.date));
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
    return out;
}

std::string attribution(const Response& r) { return attribution(r, person_from_attributes(r)); }

}  // namespace yousaid::report
