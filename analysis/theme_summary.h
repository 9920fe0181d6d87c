#pragma once
// What each theme of the codebook caught, for an analyst checking the coding:
// responses, respondents, share, the words that set the theme apart, example
// snippets, optionally a breakdown by event, channel or question; then what no
// theme caught, with a sample, so the codebook's gaps show. A campaign
// (campaigns.h) counts once, as its first member, unless every member is asked for.
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace yousaid {

enum class ThemeBreakdown { none, event, channel, question };

// "event", "channel", "question"; nullopt for anything else.
std::optional<ThemeBreakdown> parse_theme_breakdown(const std::string& name);

struct ThemeSummaryOptions {
    ThemeBreakdown by = ThemeBreakdown::none;
    bool every_member = false;         // count each member of a campaign
    std::size_t terms = 8;             // distinguishing words per theme
    std::size_t examples = 3;          // snippets per theme
    std::size_t untagged_sample = 5;   // snippets of responses no theme caught
    std::size_t snippet_words = 30;    // a snippet's length; longer texts are cut with "…"
};

// A word used by more of the theme's responses than of the rest's. `z` is the
// log odds ratio of a response containing the word (theme against the rest,
// 0.5 added to each cell) over its standard error.
struct DistinguishingWord {
    std::string word;
    Xapian::doccount in_theme = 0;   // responses of the theme containing it
    Xapian::doccount elsewhere = 0;  // other responses containing it
    double z = 0;
};

// Redacted text only, at most `snippet_words` words.
struct Snippet {
    std::string id;
    std::string event;
    std::string channel;
    std::string text;
};

struct BreakdownCount {
    std::string key;                  // the event, channel or question as written; "" when not given
    Xapian::doccount responses = 0;   // of the theme with this key
    Xapian::doccount respondents = 0;
    Xapian::doccount base = 0;        // every counted response with this key
    double percent() const { return base == 0 ? 0.0 : 100.0 * responses / base; }
};

struct ThemeCount {
    std::string id;
    std::string title;                // from the codebook; the id for a theme not in it
    Xapian::doccount responses = 0;
    Xapian::doccount respondents = 0;  // distinct respondents among those responses
    double share = 0;                  // percent of all counted responses
    std::vector<DistinguishingWord> words;
    std::vector<Snippet> examples;
    std::vector<BreakdownCount> breakdown;  // largest base first; empty without a breakdown
};

struct ThemeSummary {
    ThemeBreakdown by = ThemeBreakdown::none;
    Xapian::doccount responses = 0;    // counted: a campaign once unless every_member
    Xapian::doccount respondents = 0;
    std::vector<ThemeCount> themes;    // codebook order, then themes not in it, most responses first
    Xapian::doccount untagged = 0;     // counted responses no theme caught
    Xapian::doccount untagged_respondents = 0;
    std::vector<Snippet> untagged_sample;  // spread evenly over the store
    Xapian::doccount campaigns = 0;        // campaigns in the store
    Xapian::doccount campaign_members = 0;
    bool every_member = false;
    bool has_codebook = false;             // false when the store was never tagged
};

ThemeSummary summarise_themes(const Xapian::Database& db, const ThemeSummaryOptions& options = {});

// Aligned text for an analyst: an overview table, each theme's words, examples
// and breakdown, what no theme caught, and notes on how things were counted.
std::string themes_text(const ThemeSummary& summary);
// {"responses","respondents","by","themes":[{"id","title","responses","respondents","share",
//  "words":[{"word","in_theme","elsewhere","z"}],"examples":[{"id","event","channel","text"}],
//  "breakdown":[{"key","responses","respondents","base","percent"}]}],
//  "untagged":{"responses","respondents","share","sample":[...]},
//  "campaigns":{"campaigns","responses","counted_once"}}
std::string themes_json(const ThemeSummary& summary);

}  // namespace yousaid
