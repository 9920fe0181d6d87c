#include "report/report_builder.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "analysis/crosstab.h"
#include "analysis/store_summary.h"
#include "analysis/tagger.h"
#include "ingest/text_file.h"
#include "report/actions_file.h"
#include "analysis/population_file.h"
#include "report/quote_picker.h"
#include "report/quote_text.h"
#include "report/shown_figures.h"
#include "report/table_charts.h"
#include "templates/template_parser.h"

namespace yousaid::report {

namespace {

constexpr int kQuotesPerTheme = 3;
constexpr Xapian::doccount kSmallBase = 30;   // columns below this are marked for caution
constexpr Xapian::doccount kMinGroupBase = 10;  // groups this small are not singled out in summaries

std::string whole_percent(double share) {
    return std::to_string(static_cast<long>(std::lround(share))) + "%";
}

std::string with_commas(Xapian::doccount n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::vector<std::pair<std::string, Xapian::doccount>> largest_first(const std::map<std::string, Xapian::doccount>& m) {
    std::vector<std::pair<std::string, Xapian::doccount>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return v;
}

// Everything the blocks draw on, computed once.
struct Context {
    const Xapian::Database& db;
    Codebook codebook;
    StoreSummary summary;
    ActionsRead actions;
    PopulationRead population;
    std::map<std::string, std::string> theme_titles, group_titles;
    std::vector<std::string>* warnings;
    bool every_member = false;
    ShownFigures* figures = nullptr;         // every percentage based on responses is printed through this
    std::vector<ShownQuote>* quotes = nullptr;  // every quote printed, for the publication checks
};

std::string table_place(const Table& t) { return "the table \"" + t.caption + "\""; }

// The codebook's themes that some response raised, most raised first; ties
// keep codebook order.
std::vector<std::pair<const Theme*, Xapian::doccount>> themes_by_count(const Context& c) {
    std::vector<std::pair<const Theme*, Xapian::doccount>> out;
    for (const Theme& t : c.codebook.themes) {
        auto found = c.summary.by_theme.find(t.id);
        if (found != c.summary.by_theme.end() && found->second > 0) out.emplace_back(&t, found->second);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

Table reach_table(const Context& c, const std::string& by) {
    Table t;
    Xapian::doccount all = c.summary.counted;  // a campaign once, as the counts are
    if (by == "group") {
        bool with_population = !c.population.by_group.empty();
        t.caption = "Responses from seldom-heard groups";
        t.header = {"Group", "Responses", "Share of responses"};
        t.right_aligned = {false, true, true};
        if (with_population) {
            t.header.push_back("Share of population (approx.)");
            t.right_aligned.push_back(true);
        }
        for (const Group& g : c.codebook.groups) {
            auto found = c.summary.by_group.find(g.id);
            Xapian::doccount n = found == c.summary.by_group.end() ? 0 : found->second;
            std::vector<std::string> row = {g.title, with_commas(n), c.figures->share(n, all, table_place(t))};
            if (with_population) {
                auto share = c.population.by_group.find(g.id);
                row.push_back(share == c.population.by_group.end() ? "no figure" : whole_percent(share->second.percent));
            }
            t.rows.push_back(row);
        }
        t.note = "A response can come from someone in several groups, or in none. Groups are recognised from what "
                 "people told us about themselves and, where they did not say, from what they wrote.";
        if (with_population) {
            t.note += " Population shares are approximate (" + c.population.by_group.begin()->second.note + ").";
        }
        if (c.figures->hidden(all)) t.note += " " + c.figures->hidden_note();
        return t;
    }
    const auto& counts = by == "event" ? c.summary.by_event : c.summary.by_channel;
    t.caption = by == "event" ? "Responses by event" : "Responses by channel";
    t.header = {by == "event" ? "Event" : "Channel", "Responses", "Share"};
    t.right_aligned = {false, true, true};
    for (const auto& [name, n] : largest_first(counts)) {
        t.rows.push_back(
            {name.empty() ? "(not given)" : name, with_commas(n), c.figures->share(n, all, table_place(t))});
    }
    t.rows.push_back({"All responses", with_commas(all), c.figures->share(all, all, table_place(t))});
    if (c.figures->hidden(all)) t.note = c.figures->hidden_note();
    return t;
}

Table themes_table(const Context& c) {
    Table t;
    t.caption = "Themes raised";
    t.header = {"Theme", "Responses", "Share of responses"};
    t.right_aligned = {false, true, true};
    for (const auto& [theme, n] : themes_by_count(c)) {
        t.rows.push_back({theme->title, with_commas(n), c.figures->share(n, c.summary.counted, table_place(t))});
    }
    t.note = with_commas(c.summary.untagged) + (c.summary.untagged == 1 ? " response" : " responses");
    if (!c.figures->hidden(c.summary.counted)) {
        t.note += " (" + c.figures->share(c.summary.untagged, c.summary.counted, table_place(t)) + ")";
    }
    t.note += " raised none of these themes; many were about other matters or too short to code.";
    if (c.summary.campaigns > 0) {
        t.note += " " + with_commas(c.summary.campaign_members) + " identical or near-identical responses from " +
                  with_commas(c.summary.campaigns) + (c.summary.campaigns == 1 ? " campaign are" : " campaigns are") +
                  (c.every_member ? " each counted." : " counted once, as one response per campaign.");
    }
    if (c.figures->hidden(c.summary.counted)) t.note += " " + c.figures->hidden_note();
    return t;
}

// A cross-tab as report tables: the theme and "All responses" columns, then at
// most kColumnsPerTable other columns per table, so each fits an A4 page.
std::vector<Block> crosstab_tables(const Context& c, Dimension columns) {
    constexpr std::size_t kColumnsPerTable = 5;
    Crosstab x = crosstab(c.db, Dimension::theme, columns, {c.every_member});
    std::size_t others = x.column_labels.size() - 1;
    std::size_t parts = others == 0 ? 1 : (others + kColumnsPerTable - 1) / kColumnsPerTable;
    std::vector<Block> tables;
    for (std::size_t part = 0; part < parts; ++part) {
        std::vector<std::size_t> shown = {0};
        for (std::size_t col = 1 + part * kColumnsPerTable; col <= others && col <= (part + 1) * kColumnsPerTable; ++col) {
            shown.push_back(col);
        }
        Table t;
        t.caption = std::string("Share of responses raising each theme, by ") + dimension_name(columns);
        if (parts > 1) t.caption += " (" + std::to_string(part + 1) + " of " + std::to_string(parts) + ")";
        t.header.push_back("Theme");
        t.right_aligned.push_back(false);
        bool small = false, hidden = false;
        for (std::size_t col : shown) {
            hidden = hidden || c.figures->hidden(x.bases[col]);
            std::string mark = x.bases[col] < kSmallBase && !c.figures->hidden(x.bases[col]) ? "*" : "";
            small = small || !mark.empty();
            t.header.push_back(x.column_labels[col] + " (n=" + with_commas(x.bases[col]) + ")" + mark);
            t.right_aligned.push_back(true);
        }
        for (std::size_t r = 0; r < x.row_keys.size(); ++r) {
            std::vector<std::string> row = {x.row_labels[r]};
            for (std::size_t col : shown) {
                const std::string place = table_place(t) + ", column \"" + x.column_labels[col] + "\",";
                row.push_back(c.figures->percent(x.percent(r, col), x.bases[col], place));
            }
            t.rows.push_back(row);
        }
        if (part + 1 == parts) {
            t.note = "Column percentages: of the responses in each column, the share that raised the theme. One "
                     "response can raise several themes, so columns add to more than 100%.";
        }
        if (small) t.note += std::string(t.note.empty() ? "" : " ") + "* Fewer than 30 responses: read with caution.";
        if (hidden) t.note += std::string(t.note.empty() ? "" : " ") + c.figures->hidden_note();
        tables.push_back(std::move(t));
    }
    return tables;
}

// The chart of a table block [name ... by], drawn from its tables (tables.front()
// unless a cross-tab's).
Chart chart_of(const Context& c, const std::string& name, const std::string& by, const std::vector<Block>& tables) {
    const Table& table = std::get<Table>(tables.front());
    if (name == "themes") return share_chart(table, table.rows.size(), "Share of responses raising each theme", "themes");
    if (name == "crosstab") return crosstab_chart(tables, c.codebook.themes.size(), by);  // codebook themes come first
    if (by == "group") return reach_chart(table);
    return share_chart(table, table.rows.size() - 1, "Share of responses by " + by, by + "s");  // less the total row
}

std::vector<Block> you_said_we_did(const Context& c) {
    Crosstab by_channel = crosstab(c.db, Dimension::theme, Dimension::channel, {c.every_member});
    Crosstab by_group = crosstab(c.db, Dimension::theme, Dimension::group, {c.every_member});
    std::vector<Block> blocks;
    std::set<std::string> quoted;  // each response is quoted once in the report
    for (const auto& [theme, n] : themes_by_count(c)) {
        const std::string& id = theme->id;
        ThemeStatement s;
        s.title = theme->title;
        const std::string place = "the summary of theme \"" + theme->title + "\"";
        s.summary = with_commas(n) + (n == 1 ? " response" : " responses");
        if (!c.figures->hidden(c.summary.counted)) {
            s.summary += " (" + c.figures->share(n, c.summary.counted, place) + " of all)";
        }
        s.summary += " raised this.";
        // Where it came up most: the channel and the group with the highest share, of those shown.
        auto row = std::find(by_channel.row_keys.begin(), by_channel.row_keys.end(), id) - by_channel.row_keys.begin();
        std::size_t best = 0;
        for (std::size_t col = 1; col < by_channel.column_keys.size(); ++col) {
            if (c.figures->hidden(by_channel.bases[col])) continue;
            if (best == 0 || by_channel.percent(row, col) > by_channel.percent(row, best)) best = col;
        }
        if (best) {
            const std::string& channel = by_channel.column_labels[best];
            s.summary += " It came up most in the " + channel + " channel (" +
                         c.figures->percent(by_channel.percent(row, best), by_channel.bases[best],
                                            place + " (the " + channel + " channel)") +
                         " of its responses)";
        }
        auto grow = std::find(by_group.row_keys.begin(), by_group.row_keys.end(), id) - by_group.row_keys.begin();
        std::size_t best_group = 0;
        for (std::size_t col = 1; col < by_group.column_keys.size(); ++col) {
            if (by_group.bases[col] < kMinGroupBase || c.figures->hidden(by_group.bases[col])) continue;
            if (best_group == 0 || by_group.percent(grow, col) > by_group.percent(grow, best_group)) best_group = col;
        }
        if (best_group && by_group.counts[grow][best_group] > 0) {
            const std::string& group = by_group.column_labels[best_group];
            s.summary += std::string(best ? " and" : " It was raised most") + " among " + group + " (" +
                         c.figures->percent(by_group.percent(grow, best_group), by_group.bases[best_group],
                                            place + " (" + group + ")") +
                         ")";
        }
        if (best || best_group) s.summary += ".";
        for (PickedQuote& picked : pick_quotes(c.db, *theme, kQuotesPerTheme, quoted)) {
            c.quotes->push_back({theme->title, picked.response_id, picked.quote.text, picked.quote.attribution});
            s.quotes.push_back(std::move(picked.quote));
        }
        auto action = c.actions.by_theme.find(id);
        if (action != c.actions.by_theme.end()) {
            s.action = action->second.action;
            s.owner = action->second.owner;
            s.status = action->second.status;
        } else {
            c.warnings->push_back("no action is recorded for theme \"" + id + "\" (" + theme->title + ")");
        }
        blocks.push_back(std::move(s));
    }
    return blocks;
}

// What hand coding and a learned model added to the rules, as a sentence for
// the method section; empty when neither did.
std::string coding_note(const StoreSummary& s) {
    auto responses = [](Xapian::doccount n) { return with_commas(n) + (n == 1 ? " response" : " responses"); };
    const std::string by_hand = responses(s.coded_by_hand), by_model = responses(s.model_tagged);
    if (s.coded_by_hand > 0 && s.model_tagged > 0) {
        return "The team also read " + by_hand + " in full and coded them by hand, and a model that learned "
               "from those codes found themes in " + by_model + " that the written rules missed; codes given by "
               "hand always come first.";
    }
    if (s.coded_by_hand > 0) {
        return "The team also read " + by_hand + " in full and coded them by hand; codes given by hand always "
               "come first.";
    }
    if (s.model_tagged > 0) {
        return "A model that learned from coded examples found themes in " + by_model +
               " that the written rules missed.";
    }
    return "";
}

std::map<std::string, std::string> placeholder_values(const Context& c, const std::map<std::string, std::string>& fields) {
    auto field = [&](const char* name) {
        auto found = fields.find(name);
        return found == fields.end() ? std::string() : found->second;
    };
    return {{"responses", with_commas(c.summary.responses)},
            {"events", with_commas(c.summary.by_event.size())},
            {"channels", with_commas(c.summary.by_channel.size())},
            {"themes", with_commas(c.codebook.themes.size())},
            {"groups", with_commas(c.codebook.groups.size())},
            {"first_date", long_date(c.summary.first_date)},
            {"last_date", long_date(c.summary.last_date)},
            {"rejected", with_commas(c.summary.rejected)},
            {"untagged", with_commas(c.summary.untagged)},
            {"coding_note", coding_note(c.summary)},
            {"programme", field("programme")}};
}

// Replaces every {{name}}; an unknown name is an error at its line. Runs of
// spaces become one, and none is left at either end.
std::string expand(const std::string& text, const std::map<std::string, std::string>& values,
                   const SourceLocation& where, std::vector<Diagnostic>& errors) {
    std::string out;
    std::size_t at = 0;
    while (true) {
        std::size_t open = text.find("{{", at);
        if (open == std::string::npos) break;
        std::size_t close = text.find("}}", open);
        if (close == std::string::npos) break;
        out += text.substr(at, open - at);
        std::string name = text.substr(open + 2, close - open - 2);
        auto value = values.find(name);
        if (value == values.end()) {
            std::string known;
            for (const auto& [k, v] : values) known += (known.empty() ? "" : ", ") + k;
            errors.push_back({where, "unknown placeholder {{" + name + "}}: expected one of " + known, ""});
        } else {
            out += value->second;
        }
        at = close + 2;
    }
    out += text.substr(at);
    // A placeholder that expands to nothing ({{coding_note}}) leaves no doubled or trailing space.
    std::string tidy;
    for (char ch : out) {
        if (ch == ' ' && (tidy.empty() || tidy.back() == ' ')) continue;
        tidy += ch;
    }
    while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
    return tidy;
}

// Every theme raised, most raised first, and whether the actions file covers it.
std::vector<ThemeCoverage> theme_coverage(const Context& c) {
    std::vector<ThemeCoverage> out;
    for (const auto& [theme, n] : themes_by_count(c)) {
        double percent = c.summary.counted == 0 ? 0 : 100.0 * n / c.summary.counted;
        out.push_back({theme->id, theme->title, n, percent, c.actions.by_theme.count(theme->id) > 0});
    }
    return out;
}

}  // namespace

ReportBuild build_report(const Xapian::Database& db, const ReportInputs& inputs) {
    ReportBuild build;
    std::optional<Codebook> codebook = stored_codebook(db);
    if (!codebook) {
        build.errors.push_back({{"", 0, 0}, "the store has not been tagged yet: run yousaid tag --codebook FILE", ""});
        return build;
    }
    std::string template_text;
    try {
        template_text = read_utf8_file(inputs.template_path);
    } catch (const FileError& e) {
        build.errors.push_back({{inputs.template_path, 0, 0}, e.what(), ""});
        return build;
    }
    templates::TemplateParse parsed = templates::parse_template(template_text, inputs.template_path);
    build.errors = parsed.errors;

    Context c{db, *codebook, summarise_store(db, inputs.every_member), read_actions(inputs.actions_path), {}, {}, {},
              &build.warnings, inputs.every_member};
    if (!inputs.population_path.empty()) c.population = read_population(inputs.population_path);
    build.errors.insert(build.errors.end(), c.actions.errors.begin(), c.actions.errors.end());
    build.errors.insert(build.errors.end(), c.population.errors.begin(), c.population.errors.end());
    for (const Theme& t : c.codebook.themes) c.theme_titles[t.id] = t.title;
    for (const Group& g : c.codebook.groups) c.group_titles[g.id] = g.title;
    for (const auto& [theme, action] : c.actions.by_theme) {
        if (!c.theme_titles.count(theme)) {
            build.warnings.push_back("the actions file names theme \"" + theme + "\", which is not in the codebook");
        }
    }
    if (!build.errors.empty()) return build;
    ShownFigures figures(inputs.min_base);
    c.figures = &figures;
    c.quotes = &build.facts.quotes;
    build.facts.actions_path = inputs.actions_path;
    build.facts.themes = theme_coverage(c);

    const auto& fields = parsed.report_template.fields;
    auto field = [&](const char* name) {
        auto found = fields.find(name);
        return found == fields.end() ? std::string() : found->second;
    };
    std::map<std::string, std::string> values = placeholder_values(c, fields);

    ReportDocument doc;
    doc.title = field("title");
    doc.subtitle = field("subtitle");
    doc.programme = field("programme");
    doc.date_line = field("date");
    doc.author = field("author");
    for (const templates::TemplateSection& ts : parsed.report_template.sections) {
        Section section{ts.heading, {}};
        for (const templates::Item& item : ts.items) {
            if (const auto* text = std::get_if<templates::TextItem>(&item)) {
                section.blocks.push_back(
                    Paragraph{expand(text->text, values, {inputs.template_path, text->line, 1}, build.errors)});
                continue;
            }
            const auto& block = std::get<templates::BlockItem>(item);
            // [chart name ...] is the table block [name ...] with its chart before it.
            const bool chart = block.name == "chart" && !block.arguments.empty();
            const std::string& name = chart ? block.arguments[0] : block.name;
            const std::vector<std::string> arguments(block.arguments.begin() + (chart ? 1 : 0), block.arguments.end());
            const std::string arg = arguments.empty() ? "" : arguments[0];
            const std::size_t first = section.blocks.size();
            if (name == "reach" && (arg == "channel" || arg == "event" || arg == "group") && arguments.size() == 1) {
                section.blocks.push_back(reach_table(c, arg));
            } else if (name == "themes" && arguments.empty()) {
                section.blocks.push_back(themes_table(c));
            } else if (name == "you-said-we-did" && arguments.empty() && !chart) {
                for (Block& b : you_said_we_did(c)) section.blocks.push_back(std::move(b));
            } else if (name == "crosstab" && arguments.size() == 2 && arg == "theme" && parse_dimension(arguments[1]) &&
                       arguments[1] != "theme") {
                for (Block& b : crosstab_tables(c, *parse_dimension(arguments[1]))) {
                    section.blocks.push_back(std::move(b));
                }
            } else {
                build.errors.push_back({block.where,
                                        "unknown block: expected [reach channel|event|group], [themes], "
                                        "[you-said-we-did] or [crosstab theme group|channel|event], or one of "
                                        "these but [you-said-we-did] after \"chart\", as in [chart themes]",
                                        locate_line(template_text, block.where.line)});
            }
            if (chart && section.blocks.size() > first) {
                std::vector<Block> tables(section.blocks.begin() + first, section.blocks.end());
                section.blocks.insert(section.blocks.begin() + first,
                                      chart_of(c, name, arguments.empty() ? "" : arguments.back(), tables));
            }
        }
        doc.sections.push_back(std::move(section));
    }
    build.facts.bases = figures.shown();
    if (build.errors.empty()) build.document = std::move(doc);
    return build;
}

}  // namespace yousaid::report
