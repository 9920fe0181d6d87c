#include "analysis/spelling.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>
#include <vector>

#include "analysis/document_builder.h"
#include "analysis/query_filters.h"

namespace yousaid {

namespace {

using Letters = std::vector<unsigned>;  // Unicode code points

Letters letters_of(const std::string& utf8) {
    Letters out;
    for (Xapian::Utf8Iterator it(utf8); it != Xapian::Utf8Iterator(); ++it) out.push_back(*it);
    return out;
}

// The first `count` letters of `utf8`, as bytes.
std::string first_letters(const std::string& utf8, std::size_t count) {
    Xapian::Utf8Iterator it(utf8);
    for (std::size_t i = 0; i < count && it != Xapian::Utf8Iterator(); ++i) ++it;
    return utf8.substr(0, static_cast<std::size_t>(it.raw() - utf8.data()));
}

// The first term after every term starting with `prefix`.
std::string past_prefix(std::string prefix) {
    ++prefix.back();  // UTF-8 never holds 0xff, so this cannot wrap
    return prefix;
}

struct Edits {
    unsigned distance;           // edits from the word; more than the limit when past it
    std::size_t hopeless_after;  // letters of the term after which no term so starting is within the limit; 0 if none
};

// Optimal string alignment distance of `term` from `word`, row by row over
// the term's letters. A row's smallest entry never falls in later rows, so
// once it passes `limit` every term with that prefix is too far.
Edits edits(const Letters& term, const Letters& word, unsigned limit) {
    const std::size_t m = word.size();
    std::vector<unsigned> before(m + 1), previous(m + 1), row(m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= term.size(); ++i) {
        row[0] = static_cast<unsigned>(i);
        for (std::size_t j = 1; j <= m; ++j) {
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (term[i - 1] != word[j - 1])});
            if (i > 1 && j > 1 && term[i - 1] == word[j - 2] && term[i - 2] == word[j - 1]) {
                row[j] = std::min(row[j], before[j - 2] + 1);
            }
        }
        if (*std::min_element(row.begin(), row.end()) > limit) return {limit + 1, i};
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return {previous[m], 0};
}

// The indexed word closest to `word` (lower-cased), as spelling_suggestion says.
std::optional<std::string> closest_term(const Xapian::Database& db, const std::string& word) {
    const Letters letters = letters_of(word);
    const unsigned limit = letters.size() >= 6 ? 2 : 1;
    const std::string first = first_letters(word, 1);
    std::optional<std::string> best;
    unsigned best_distance = limit + 1;
    Xapian::doccount best_frequency = 0;
    for (Xapian::TermIterator it = db.allterms_begin(first); it != db.allterms_end(first);) {
        const std::string term = *it;
        const Letters candidate = letters_of(term);
        const Edits e = edits(candidate, letters, limit);
        if (e.hopeless_after > 0) {
            it.skip_to(past_prefix(first_letters(term, e.hopeless_after)));
            continue;
        }
        const bool closer = e.distance < best_distance || (e.distance == best_distance && it.get_termfreq() > best_frequency);
        if (e.distance <= limit && closer) {
            best = term;
            best_distance = e.distance;
            best_frequency = it.get_termfreq();
        }
        // Skipping, not stepping, passes the term's posting list chunks at once.
        it.skip_to(candidate.size() >= letters.size() + limit ? past_prefix(term) : term + '\0');
    }
    return best;
}

bool is_operator(const std::string& text) {
    static const std::regex operators(R"(AND|OR|NOT|XOR|(NEAR|ADJ)(/\d+)?)");
    return std::regex_match(text, operators);
}

bool is_apostrophe(unsigned c) { return c == '\'' || c == 0x2019; }

// `text` (a word or phrase of the query) with its unknown words corrected.
std::string corrected(const Xapian::Database& db, const std::string& text, bool& changed) {
    static const Xapian::Stem stemmer = DocumentBuilder::stemmer();
    std::string out;
    Xapian::Utf8Iterator it(text), end;
    while (it != end) {
        if (!Xapian::Unicode::is_wordchar(*it)) {
            const char* from = it.raw();
            ++it;
            out.append(from, it.raw());
            continue;
        }
        // A word: word characters, with apostrophes inside ("don't").
        const char* from = it.raw();
        bool digits = false;
        while (it != end) {
            if (is_apostrophe(*it)) {
                Xapian::Utf8Iterator next = it;
                if (++next == end || !Xapian::Unicode::is_wordchar(*next)) break;
            } else if (!Xapian::Unicode::is_wordchar(*it)) {
                break;
            }
            digits = digits || Xapian::Unicode::get_category(*it) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
            ++it;
        }
        const std::string word(from, it.raw());
        const bool wildcard = it != end && *it == '*';
        const std::string lower = Xapian::Unicode::tolower(word);
        std::optional<std::string> better;
        if (!wildcard && !digits && letters_of(word).size() >= 3 && db.get_termfreq(lower) == 0 &&
            db.get_termfreq("Z" + stemmer(lower)) == 0) {
            better = closest_term(db, lower);
        }
        if (!better) {
            out += word;
            continue;
        }
        // Keep a capital at the start ("Transprt" -> "Transport").
        if (std::isupper(static_cast<unsigned char>(word[0]))) (*better)[0] = static_cast<char>(std::toupper(static_cast<unsigned char>((*better)[0])));
        out += *better;
        changed = true;
    }
    return out;
}

}  // namespace

std::string spelling_suggestion(const Xapian::Database& db, const std::string& query) {
    const auto any_name = [](const std::string&) { return true; };  // name:value is a filter's, whatever the name
    std::string out;
    bool changed = false;
    for (const QueryPiece& p : scan_query(query, any_name)) {
        const bool words = p.kind == QueryPiece::Kind::phrase || (p.kind == QueryPiece::Kind::word && !is_operator(p.text));
        out += words ? corrected(db, p.text, changed) : p.text;
    }
    return changed ? out : "";
}

}  // namespace yousaid
