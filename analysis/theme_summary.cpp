#include "analysis/theme_summary.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "analysis/campaign_count.h"
#include "analysis/document_builder.h"
#include "analysis/json_output.h"
#include "analysis/model_tags.h"
#include "analysis/schema.h"
#include "analysis/search.h"
#include "analysis/tagger.h"
#include "analysis/text_columns.h"
#include "ingest/response.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

// Common English words, which say nothing about a theme (a short list in the
// spirit of Snowball's English stop words, with the contractions people write).
const std::unordered_set<std::string>& stopwords() {
    static const std::unordered_set<std::string> words = {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
        "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
        "by", "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't",
        "doing", "don't", "down", "during", "each", "even", "ever", "every", "few", "for", "from", "further",
        "get", "got", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd", "he'll",
        "he's", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "i'd", "i'll", "i'm",
        "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "let's", "me",
        "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
        "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "really", "same",
        "she", "she'd", "she'll", "she's", "should", "shouldn't", "so", "some", "such", "than", "that",
        "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's", "these",
        "they", "they'd", "they'll", "they're", "they've", "this", "those", "through", "to", "too", "under",
        "until", "up", "very", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were", "weren't",
        "what", "what's", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won't",
        "would", "wouldn't", "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself",
        "yourselves", "one", "two", "three", "many", "lot", "lots", "still", "well", "like", "s", "t"};
    return words;
}

// An unstemmed word term of the text: Xapian's prefixed terms (Q..., XT...,
// Z... stems) start with a capital letter, words are lower case.
bool is_candidate_word(const std::string& term) {
    if (term.size() < 2 || (term[0] >= 'A' && term[0] <= 'Z')) return false;
    bool letter = std::any_of(term.begin(), term.end(), [](char c) {
        unsigned char u = static_cast<unsigned char>(c);
        return u >= 0x80 || (u >= 'a' && u <= 'z');
    });
    return letter && stopwords().count(term) == 0;
}

// The words of a theme's rule, so that its distinguishing words are the ones
// the rule does not already name: each word as written, its stem (the rule is
// stemmed), and a wildcard's prefix.
class RuleWords {
public:
    explicit RuleWords(const std::string& rule) : stemmer_(DocumentBuilder::stemmer()) {
        static const std::set<std::string> operators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
        std::size_t i = 0;
        while (i < rule.size()) {
            unsigned char c = static_cast<unsigned char>(rule[i]);
            if (!(std::isalnum(c) || c >= 0x80 || c == '\'')) {
                ++i;
                continue;
            }
            std::size_t start = i;
            while (i < rule.size()) {
                unsigned char d = static_cast<unsigned char>(rule[i]);
                if (!(std::isalnum(d) || d >= 0x80 || d == '\'')) break;
                ++i;
            }
            std::string word = rule.substr(start, i - start);
            bool wildcard = i < rule.size() && rule[i] == '*';
            if (operators.count(word) != 0) continue;
            word = fold_case(word);
            if (wildcard) prefixes_.push_back(word);
            words_.insert(word);
            stems_.insert(stemmer_(word));
        }
    }

    bool named(const std::string& word) const {
        if (words_.count(word) != 0 || stems_.count(stemmer_(word)) != 0) return true;
        return std::any_of(prefixes_.begin(), prefixes_.end(),
                           [&](const std::string& p) { return word.compare(0, p.size(), p) == 0; });
    }

private:
    Xapian::Stem stemmer_;
    std::set<std::string> words_, stems_;
    std::vector<std::string> prefixes_;
};

struct ThemeAccumulator {
    std::vector<Xapian::docid> docs;
    std::unordered_set<std::string> respondents;
    std::unordered_map<std::string, Xapian::doccount> words;  // responses of the theme containing each word
    std::map<std::string, std::pair<Xapian::doccount, std::unordered_set<std::string>>> by;  // key -> responses, respondents
};

std::string respondent_of(Xapian::docid docid, const Xapian::Document& doc) {
    std::string respondent = doc.get_value(schema::kRespondentSlot);
    return respondent.empty() ? "#" + std::to_string(docid) : respondent;
}

std::string breakdown_key(const Xapian::Document& doc, ThemeBreakdown by) {
    switch (by) {
        case ThemeBreakdown::event: return doc.get_value(schema::kEventSlot);
        case ThemeBreakdown::channel: return doc.get_value(schema::kChannelSlot);
        case ThemeBreakdown::question: return doc.get_value(schema::kQuestionSlot);
        case ThemeBreakdown::none: break;
    }
    return "";
}

std::string shorten(const std::string& text, std::size_t words) {
    std::string out;
    std::size_t n = 0, i = 0;
    while (i < text.size()) {
        std::size_t start = text.find_first_not_of(" \t\r\n", i);
        if (start == std::string::npos) break;
        std::size_t end = text.find_first_of(" \t\r\n", start);
        if (end == std::string::npos) end = text.size();
        if (n == words) return out + "…";
        out += (out.empty() ? "" : " ") + text.substr(start, end - start);
        ++n;
        i = end;
    }
    return out;
}

Snippet snippet_of(const Xapian::Document& doc, std::size_t words) {
    Response r = response_from_json(doc.get_data());
    return {r.id, r.event, r.channel, shorten(r.redacted_text, words)};
}

// Which measure of "distinguishing": the log odds ratio of a response
// containing the word, in the theme against the rest of the store, divided by
// its standard error (a z score; 0.5 added to every cell of the 2x2 table,
// Haldane-Anscombe, so a word absent from one side stays finite). Unlike
// Xapian's relevance-feedback weights (Enquire::get_eset), which set the theme
// against the whole store, theme included, and depend on BM25's parameters,
// this contrasts the theme with what is left, can be read as "how much more
// often than elsewhere", and the standard error keeps a word of two or three
// responses from outranking a word many use. Responses, not occurrences, are
// counted so that one long response repeating a word does not lift it. Words
// of fewer than two of the theme's responses are left out.
std::vector<DistinguishingWord> distinguishing_words(const ThemeAccumulator& theme,
                                                     const std::unordered_map<std::string, Xapian::doccount>& all,
                                                     Xapian::doccount total, const RuleWords& rule,
                                                     std::size_t keep) {
    std::vector<DistinguishingWord> out;
    double in_theme = theme.docs.size(), rest = total - theme.docs.size();
    for (const auto& [word, a_count] : theme.words) {
        if (a_count < 2 || rule.named(word)) continue;
        double a = a_count, b = all.at(word) - a_count;
        double c = in_theme - a, d = rest - b;
        double log_odds = std::log((a + 0.5) * (d + 0.5) / ((b + 0.5) * (c + 0.5)));
        double se = std::sqrt(1 / (a + 0.5) + 1 / (b + 0.5) + 1 / (c + 0.5) + 1 / (d + 0.5));
        double z = log_odds / se;
        if (z > 0) out.push_back({word, a_count, static_cast<Xapian::doccount>(b), z});
    }
    std::sort(out.begin(), out.end(), [](const DistinguishingWord& x, const DistinguishingWord& y) {
        return x.z != y.z ? x.z > y.z : x.word < y.word;
    });
    if (out.size() > keep) out.resize(keep);
    return out;
}

// The theme's responses that use its distinguishing words most (BM25 over the
// words, among the theme's responses), one snippet per distinct text.
std::vector<Snippet> examples_of(const Xapian::Database& db, const ThemeCount& theme, const CampaignCount& campaigns,
                                 const ThemeSummaryOptions& options) {
    std::vector<std::string> terms;
    for (const DistinguishingWord& w : theme.words) terms.push_back(w.word);
    Xapian::Query filter = theme_query(db, theme.id);
    Xapian::Query query = terms.empty() ? filter
                                        : Xapian::Query(Xapian::Query::OP_FILTER,
                                                        Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                                        filter);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::vector<Snippet> out;
    std::set<std::string> seen;
    Xapian::MSet matches = enquire.get_mset(0, 20 * options.examples + 20);
    for (auto m = matches.begin(); m != matches.end() && out.size() < options.examples; ++m) {
        Xapian::Document doc = m.get_document();
        if (!options.every_member && !campaigns.counts(*m, doc.get_value(schema::kCampaignSlot))) continue;
        Snippet s = snippet_of(doc, options.snippet_words);
        if (seen.insert(s.text).second) out.push_back(std::move(s));
    }
    return out;
}

using text::fixed;
using text::pad_left;
using text::pad_right;
using text::width;

std::string breakdown_name(ThemeBreakdown by) {
    switch (by) {
        case ThemeBreakdown::event: return "event";
        case ThemeBreakdown::channel: return "channel";
        case ThemeBreakdown::question: return "question";
        case ThemeBreakdown::none: break;
    }
    return "";
}

// "    - "text" (id, channel)", wrapped at 100 columns under the text's start.
std::string snippet_line(const Snippet& s) {
    std::string where = s.id;
    if (!s.channel.empty()) where += ", " + s.channel;
    std::string whole = "\"" + s.text + "\" (" + where + ")";
    const std::string first = "    - ", next = "      ";
    std::string out, line = first;
    std::size_t i = 0;
    while (i < whole.size()) {
        std::size_t end = whole.find(' ', i);
        if (end == std::string::npos) end = whole.size();
        std::string word = whole.substr(i, end - i);
        i = end + 1;
        if (line.size() > first.size() && width(line) + 1 + width(word) > 100) {
            out += line + "\n";
            line = next;
        }
        line += (line.size() > first.size() ? " " : "") + word;
    }
    return out + line + "\n";
}

}  // namespace

std::optional<ThemeBreakdown> parse_theme_breakdown(const std::string& name) {
    if (name == "event") return ThemeBreakdown::event;
    if (name == "channel") return ThemeBreakdown::channel;
    if (name == "question") return ThemeBreakdown::question;
    return std::nullopt;
}

ThemeSummary summarise_themes(const Xapian::Database& db, const ThemeSummaryOptions& options) {
    CampaignCount campaigns(db);
    ThemeSummary out;
    out.by = options.by;
    out.every_member = options.every_member;
    out.campaigns = campaigns.campaigns();
    out.campaign_members = campaigns.members();

    // One pass over every counted response.
    std::map<std::string, ThemeAccumulator> themes;
    std::unordered_map<std::string, Xapian::doccount> words;  // responses containing each word
    std::map<std::string, Xapian::doccount> bases;
    std::unordered_set<std::string> respondents, untagged_respondents;
    std::vector<Xapian::docid> untagged;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Xapian::Document doc = db.get_document(*it);
        if (!options.every_member && !campaigns.counts(*it, doc.get_value(schema::kCampaignSlot))) continue;
        ++out.responses;
        std::string respondent = respondent_of(*it, doc);
        respondents.insert(respondent);
        std::string key = breakdown_key(doc, options.by);
        if (options.by != ThemeBreakdown::none) ++bases[key];
        std::vector<std::string> doc_words;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            if (is_candidate_word(*t)) doc_words.push_back(*t);
        }
        for (const std::string& w : doc_words) ++words[w];
        std::vector<std::string> ids = split_list(doc.get_value(schema::kThemesSlot));
        if (ids.empty()) {
            untagged.push_back(*it);
            untagged_respondents.insert(respondent);
        }
        for (const std::string& id : ids) {
            ThemeAccumulator& theme = themes[id];
            theme.docs.push_back(*it);
            theme.respondents.insert(respondent);
            for (const std::string& w : doc_words) ++theme.words[w];
            if (options.by != ThemeBreakdown::none) {
                auto& cell = theme.by[key];
                ++cell.first;
                cell.second.insert(respondent);
            }
        }
    }
    out.respondents = respondents.size();

    // Codebook order, then themes not in it (manual codes), most responses first.
    std::optional<Codebook> codebook = stored_codebook(db);
    out.has_codebook = codebook.has_value();
    std::vector<std::pair<std::string, std::string>> order;  // id, title
    std::map<std::string, std::string> rules;
    if (codebook) {
        for (const Theme& t : codebook->themes) {
            order.emplace_back(t.id, t.title);
            rules[t.id] += " " + t.rule;
        }
        // A parent's responses are its children's too: their rules' words are its own.
        for (const Theme& t : codebook->themes) {
            // At most as many steps as themes, should a cycle ever get through the parser.
            std::string parent = t.parent;
            for (std::size_t step = 0; !parent.empty() && step < codebook->themes.size(); ++step) {
                rules[parent] += " " + t.rule;
                auto up = std::find_if(codebook->themes.begin(), codebook->themes.end(),
                                       [&](const Theme& p) { return p.id == parent; });
                parent = up == codebook->themes.end() ? "" : up->parent;
            }
        }
    }
    std::vector<std::pair<std::string, std::size_t>> rest;
    for (const auto& [id, theme] : themes) {
        if (rules.count(id) == 0) rest.emplace_back(id, theme.docs.size());
    }
    std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [id, n] : rest) order.emplace_back(id, id);

    std::vector<std::pair<std::string, Xapian::doccount>> keys_by_base(bases.begin(), bases.end());
    std::stable_sort(keys_by_base.begin(), keys_by_base.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });

    static const ThemeAccumulator empty;
    for (const auto& [id, title] : order) {
        auto found = themes.find(id);
        const ThemeAccumulator& acc = found == themes.end() ? empty : found->second;
        ThemeCount count;
        count.id = id;
        count.title = title;
        count.responses = acc.docs.size();
        count.respondents = acc.respondents.size();
        count.share = out.responses == 0 ? 0.0 : 100.0 * count.responses / out.responses;
        count.words = distinguishing_words(acc, words, out.responses, RuleWords(rules[id]), options.terms);
        if (count.responses > 0) count.examples = examples_of(db, count, campaigns, options);
        for (const auto& [key, base] : keys_by_base) {
            BreakdownCount cell;
            cell.key = key;
            cell.base = base;
            auto by = acc.by.find(key);
            if (by != acc.by.end()) {
                cell.responses = by->second.first;
                cell.respondents = by->second.second.size();
            }
            count.breakdown.push_back(cell);
        }
        out.themes.push_back(std::move(count));
    }

    out.untagged = untagged.size();
    out.untagged_respondents = untagged_respondents.size();
    // Spread over the store (so over files and events), not its first few.
    std::size_t k = std::min(options.untagged_sample, untagged.size());
    for (std::size_t i = 0; i < k; ++i) {
        out.untagged_sample.push_back(snippet_of(db.get_document(untagged[i * untagged.size() / k]), options.snippet_words));
    }
    return out;
}

std::string themes_text(const ThemeSummary& s) {
    std::string out = "Themes: " + std::to_string(s.responses) + " responses from " + std::to_string(s.respondents) +
                      " respondents\n\n";
    if (!s.has_codebook) out += "The store has not been tagged with a codebook (yousaid tag --codebook FILE).\n\n";

    std::size_t label_width = width("No theme");
    for (const ThemeCount& t : s.themes) label_width = std::max(label_width, width(t.title));
    auto overview_line = [&](const std::string& label, const std::string& responses, const std::string& share,
                             const std::string& respondents) {
        return pad_right(label, label_width) + "  " + pad_left(responses, 9) + "  " + pad_left(share, 6) + "  " +
               pad_left(respondents, 11) + "\n";
    };
    out += overview_line("Theme", "Responses", "Share", "Respondents");
    for (const ThemeCount& t : s.themes) {
        out += overview_line(t.title, std::to_string(t.responses), text::percent(t.share), std::to_string(t.respondents));
    }
    double untagged_share = s.responses == 0 ? 0.0 : 100.0 * s.untagged / s.responses;
    out += overview_line("No theme", std::to_string(s.untagged), text::percent(untagged_share),
                         std::to_string(s.untagged_respondents));

    std::string by = breakdown_name(s.by);
    for (const ThemeCount& t : s.themes) {
        out += "\n" + t.title + " (" + t.id + ")\n";
        out += "  " + std::to_string(t.responses) + " responses (" + text::percent(t.share) + " of all) from " +
               std::to_string(t.respondents) + " respondents\n";
        if (t.responses == 0) continue;
        std::string words;
        for (const DistinguishingWord& w : t.words) words += (words.empty() ? "" : ", ") + w.word;
        out += "  Distinguishing words: " + (words.empty() ? std::string("(none stand out)") : words) + "\n";
        out += "  Examples:\n";
        for (const Snippet& e : t.examples) out += snippet_line(e);
        if (!t.breakdown.empty()) {
            std::size_t key_width = width("(not given)");
            for (const BreakdownCount& b : t.breakdown) key_width = std::max(key_width, width(b.key));
            std::size_t percent_width = width("% of " + by);
            out += "  By " + by + ":\n    " + pad_right("", key_width) + "  " + pad_left("Responses", 9) + "  " +
                   pad_left("% of " + by, percent_width) + "  " + pad_left("Respondents", 11) + "\n";
            for (const BreakdownCount& b : t.breakdown) {
                out += "    " + pad_right(b.key.empty() ? "(not given)" : b.key, key_width) + "  " +
                       pad_left(std::to_string(b.responses), 9) + "  " +
                       pad_left(text::percent(b.percent()), percent_width) + "  " +
                       pad_left(std::to_string(b.respondents), 11) + "\n";
            }
        }
    }

    out += "\nNo theme caught " + std::to_string(s.untagged) + " responses (" + text::percent(untagged_share) + ")";
    if (s.untagged_sample.empty()) {
        out += ".\n";
    } else {
        out += "; a sample, to see what the codebook misses:\n";
        for (const Snippet& e : s.untagged_sample) out += snippet_line(e);
    }

    out += "\nShares are of all " + std::to_string(s.responses) +
           " responses; a response can raise several themes, so shares can add to more than 100%.\n"
           "Distinguishing words: used by more of the theme's responses than of the rest (z of the log odds ratio),\n"
           "leaving out common words and the words of the theme's own rule.\n";
    out += campaign_note(s.campaigns, s.campaign_members, s.every_member);
    return out;
}

std::string themes_json(const ThemeSummary& s) {
    using nlohmann::ordered_json;
    auto snippet_json = [](const Snippet& e) {
        return ordered_json{{"id", e.id}, {"event", e.event}, {"channel", e.channel}, {"text", e.text}};
    };
    ordered_json out;
    out["responses"] = s.responses;
    out["respondents"] = s.respondents;
    out["by"] = s.by == ThemeBreakdown::none ? ordered_json(nullptr) : ordered_json(breakdown_name(s.by));
    out["themes"] = ordered_json::array();
    for (const ThemeCount& t : s.themes) {
        ordered_json theme{{"id", t.id}, {"title", t.title}, {"responses", t.responses},
                           {"respondents", t.respondents}, {"share", t.share}};
        theme["words"] = ordered_json::array();
        for (const DistinguishingWord& w : t.words) {
            theme["words"].push_back({{"word", w.word}, {"in_theme", w.in_theme}, {"elsewhere", w.elsewhere}, {"z", w.z}});
        }
        theme["examples"] = ordered_json::array();
        for (const Snippet& e : t.examples) theme["examples"].push_back(snippet_json(e));
        theme["breakdown"] = ordered_json::array();
        for (const BreakdownCount& b : t.breakdown) {
            theme["breakdown"].push_back({{"key", b.key}, {"responses", b.responses}, {"respondents", b.respondents},
                                          {"base", b.base}, {"percent", b.percent()}});
        }
        out["themes"].push_back(std::move(theme));
    }
    ordered_json untagged{{"responses", s.untagged},
                          {"respondents", s.untagged_respondents},
                          {"share", s.responses == 0 ? 0.0 : 100.0 * s.untagged / s.responses}};
    untagged["sample"] = ordered_json::array();
    for (const Snippet& e : s.untagged_sample) untagged["sample"].push_back(snippet_json(e));
    out["untagged"] = std::move(untagged);
    out["campaigns"] = {{"campaigns", s.campaigns}, {"responses", s.campaign_members}, {"counted_once", !s.every_member}};
    return json_text(out);
}

}  // namespace yousaid
