#include "report/theme_statements.h"

#include <algorithm>

#include "analysis/crosstab.h"
#include "report/figure_words.h"
#include "report/quote_choice.h"

namespace yousaid::report {

namespace {

// The columns of the theme's row where it was raised most: shown, at least
// `min_base` responses, above the all-responses column, highest first.
std::vector<std::size_t> highest_columns(const ReportContext& c, const Crosstab& x, std::size_t row, std::size_t most,
                                         Xapian::doccount min_base) {
    std::vector<std::size_t> columns;
    for (std::size_t col = 1; col < x.column_keys.size(); ++col) {
        if (x.bases[col] < min_base || c.figures->hidden(x.bases[col]) || x.counts[row][col] == 0) continue;
        if (x.percent(row, col) > x.percent(row, 0)) columns.push_back(col);
    }
    std::stable_sort(columns.begin(), columns.end(),
                     [&](std::size_t a, std::size_t b) { return x.percent(row, a) > x.percent(row, b); });
    if (columns.size() > most) columns.resize(most);
    return columns;
}

std::size_t row_of(const Crosstab& x, const std::string& key) {
    return std::find(x.row_keys.begin(), x.row_keys.end(), key) - x.row_keys.begin();
}

// "It came up most among working parents (49% of their responses), new
// mothers (41%) and carers (38%). By channel, it came up most in outreach
// responses (42% of them) and online survey responses (30%)." Either sentence
// is left out when no group, or no channel, stands out.
std::string where_most(const ReportContext& c, const Crosstab& by_group, const Crosstab& by_channel,
                       const std::string& theme, const std::string& place) {
    const std::size_t grow = row_of(by_group, theme), crow = row_of(by_channel, theme);
    std::vector<std::string> groups, channels;
    for (std::size_t col : highest_columns(c, by_group, grow, 3, kMinGroupBase)) {
        const std::string& group = by_group.column_labels[col];
        std::string share = c.figures->percent(by_group.percent(grow, col), by_group.bases[col],
                                               place + " (" + group + ")");
        groups.push_back(in_sentence(group) + " (" + share + (groups.empty() ? " of their responses)" : ")"));
    }
    for (std::size_t col : highest_columns(c, by_channel, crow, 2, 0)) {
        const std::string& channel = by_channel.column_labels[col];
        std::string share = c.figures->percent(by_channel.percent(crow, col), by_channel.bases[col],
                                               place + " (the " + channel + " channel)");
        channels.push_back(in_sentence(channel) + " responses (" + share + (channels.empty() ? " of them)" : ")"));
    }
    std::string out;
    if (!groups.empty()) out = "It came up most among " + listed(groups) + ".";
    if (!channels.empty()) {
        out += std::string(out.empty() ? "It" : " By channel, it") + " came up most in " + listed(channels) + ".";
    }
    return out;
}

// Said when fewer than two quotes were found for a theme more than one response raised.
std::string few_quotes_note(std::size_t quotes, Xapian::doccount responses) {
    if (responses < 2 || quotes >= static_cast<std::size_t>(kFewestQuotes)) return "";
    return quotes == 0 ? "None of these responses is quoted here: each repeats a comment quoted elsewhere in "
                         "this report, or is quoted under another theme."
                       : "Only one of these responses is quoted here: the others repeat it or a comment quoted "
                         "elsewhere, or are quoted under another theme.";
}

void add_action(const ReportContext& c, const Theme& theme, ThemeStatement& s) {
    auto action = c.actions.by_theme.find(theme.id);
    if (action == c.actions.by_theme.end()) {
        c.warnings->push_back("no action is recorded for theme \"" + theme.id + "\" (" + theme.title + ")");
        return;
    }
    s.action = action->second.action;
    s.owner = action->second.owner;
    s.status = action->second.status;
    s.reason = action->second.reason;
}

}  // namespace

std::vector<Block> you_said_we_did(ReportContext& c) {
    const Crosstab& by_channel = crosstab_of(c, Dimension::theme, Dimension::channel);
    const Crosstab& by_group = crosstab_of(c, Dimension::theme, Dimension::group);
    const auto themes = themes_by_count(c);
    // Quotes are chosen for the least raised themes first: a response is quoted
    // once, and the most raised themes have the most responses to choose from.
    std::vector<std::vector<PickedQuote>> picked(themes.size());
    for (std::size_t i = themes.size(); i-- > 0;) {
        const auto& [theme, n] = themes[i];
        const bool large = 100.0 * n >= kLargeThemeShare * c.summary.counted;
        picked[i] = choose_quotes(c, *theme, large ? kQuotesPerLargeTheme : kQuotesPerTheme);
    }
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < themes.size(); ++i) {
        const auto& [theme, n] = themes[i];
        ThemeStatement s;
        s.title = theme->title;
        s.quotes = print_quotes(c, *theme, std::move(picked[i]));
        const std::string place = "the summary of theme \"" + theme->title + "\"";
        s.summary = count_of(n, "response");
        if (!c.figures->hidden(c.summary.counted)) {
            s.summary += " (" + c.figures->share(n, c.summary.counted, place) + " of all)";
        }
        s.summary += " raised this.";
        for (const std::string& more : {where_most(c, by_group, by_channel, theme->id, place),
                                        few_quotes_note(s.quotes.size(), n)}) {
            if (!more.empty()) s.summary += " " + more;
        }
        add_action(c, *theme, s);
        blocks.push_back(std::move(s));
    }
    return blocks;
}

std::vector<Block> theme_quotes(ReportContext& c, const Theme& theme, int count) {
    std::vector<Block> blocks;
    for (const Quote& quote : print_quotes(c, theme, choose_quotes(c, theme, count))) {
        blocks.push_back(quote_paragraph(quote));
    }
    if (blocks.empty()) {
        blocks.push_back(Paragraph{"No comment on " + in_sentence(theme.title) + " can be quoted here."});
    }
    return blocks;
}

}  // namespace yousaid::report
