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
#include "templates/template_parser.h"

namespace yousaid::report {

namespace {

constexpr int kQuotesPerTheme = 3;
constexpr Xapian::doccount kSmallBase = 30;   // columns below this are marked for caution
constexpr Xapian::doccount kMinGroupBase = 10;  // groups this small are not singled out in summaries

std::string whole_percent(double share) {
    return std::to_string(static_cast<long>(std::lround(share))) + "%";
}

std::string percent_of(Xapian::doccount part, Xapian::doccount whole) {
    return whole == 0 ? "0%" : whole_percent(100.0 * part / whole);
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
};

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
            std::vector<std::string> row = {g.title, with_commas(n), percent_of(n, all)};
            if (with_population) {
                auto share = c.population.by_group.find(g.id);
                row.push_back(share == c.population.by_group.end() ? "–" : whole_percent(share->second.percent));
            }
            t.rows.push_back(row);
        }
        t.note = "A response can come from someone in several groups, or in none. Groups are recognised from what "
                 "people told us about themselves and, where they did not say, from what they wrote.";
        if (with_population) {
            t.note += " Population shares are approximate (" + c.population.by_group.begin()->second.note + ").";
        }
        return t;
    }
    const auto& counts = by == "event" ? c.summary.by_event : c.summary.by_channel;
    t.caption = by == "event" ? "Responses by event" : "Responses by channel";
    t.header = {by == "event" ? "Event" : "Channel", "Responses", "Share"};
    t.right_aligned = {false, true, true};
    for (const auto& [name, n] : largest_first(counts)) {
        t.rows.push_back({name.empty() ? "(not given)" : name, with_commas(n), percent_of(n, all)});
    }
    t.rows.push_back({"All responses", with_commas(all), "100%"});
    return t;
}

Table themes_table(const Context& c) {
    Table t;
    t.caption = "Themes raised";
    t.header = {"Theme", "Responses", "Share of responses"};
    t.right_aligned = {false, true, true};
    for (const auto& [theme, n] : themes_by_count(c)) {
        t.rows.push_back({theme->title, with_commas(n), percent_of(n, c.summary.counted)});
    }
    t.note = with_commas(c.summary.untagged) + " responses (" + percent_of(c.summary.untagged, c.summary.counted) +
             ") raised none of these themes; many were about other matters or too short to code.";
    if (c.summary.campaigns > 0) {
        t.note += " " + with_commas(c.summary.campaign_members) + " identical or near-identical responses from " +
                  with_commas(c.summary.campaigns) + (c.summary.campaigns == 1 ? " campaign are" : " campaigns are") +
                  (c.every_member ? " each counted." : " counted once, as one response per campaign.");
    }
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
        bool small = false;
        for (std::size_t col : shown) {
            std::string mark = x.bases[col] < kSmallBase ? "*" : "";
            small = small || !mark.empty();
            t.header.push_back(x.column_labels[col] + " (n=" + with_commas(x.bases[col]) + ")" + mark);
            t.right_aligned.push_back(true);
        }
        for (std::size_t r = 0; r < x.row_keys.size(); ++r) {
            std::vector<std::string> row = {x.row_labels[r]};
            for (std::size_t col : shown) row.push_back(whole_percent(x.percent(r, col)));
            t.rows.push_back(row);
        }
        if (part + 1 == parts) {
            t.note = "Column percentages: of the responses in each column, the share that raised the theme. One "
                     "response can raise several themes, so columns add to more than 100%.";
        }
        if (small) t.note += std::string(t.note.empty() ? "" : " ") + "* Fewer than 30 responses: read with caution.";
        tables.push_back(std::move(t));
    }
    return tables;
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
        s.summary = with_commas(n) + (n == 1 ? " response" : " responses") + " (" +
                    percent_of(n, c.summary.counted) + " of all) raised this.";
        // Where it came up most: the channel and the group with the highest share.
        auto row = std::find(by_channel.row_keys.begin(), by_channel.row_keys.end(), id) - by_channel.row_keys.begin();
        std::size_t best = 0;
        for (std::size_t col = 1; col < by_channel.column_keys.size(); ++col) {
            if (best == 0 || by_channel.percent(row, col) > by_channel.percent(row, best)) best = col;
        }
        if (best) {
            s.summary += " It came up most in the " + by_channel.column_labels[best] + " channel (" +
                         whole_percent(by_channel.percent(row, best)) + " of its responses)";
        }
        auto grow = std::find(by_group.row_keys.begin(), by_group.row_keys.end(), id) - by_group.row_keys.begin();
        std::size_t best_group = 0;
        for (std::size_t col = 1; col < by_group.column_keys.size(); ++col) {
            if (by_group.bases[col] < kMinGroupBase) continue;
            if (best_group == 0 || by_group.percent(grow, col) > by_group.percent(grow, best_group)) best_group = col;
        }
        if (best_group && by_group.counts[grow][best_group] > 0) {
            s.summary += std::string(best ? " and" : " It was raised most") + " among " +
                         by_group.column_labels[best_group] + " (" +
                         whole_percent(by_group.percent(grow, best_group)) + ")";
        }
        if (best || best_group) s.summary += ".";
        s.quotes = pick_quotes(c.db, *theme, kQuotesPerTheme, quoted);
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
            const std::string arg = block.arguments.empty() ? "" : block.arguments[0];
            if (block.name == "reach" && (arg == "channel" || arg == "event" || arg == "group") &&
                block.arguments.size() == 1) {
                section.blocks.push_back(reach_table(c, arg));
            } else if (block.name == "themes" && block.arguments.empty()) {
                section.blocks.push_back(themes_table(c));
            } else if (block.name == "you-said-we-did" && block.arguments.empty()) {
                for (Block& b : you_said_we_did(c)) section.blocks.push_back(std::move(b));
            } else if (block.name == "crosstab" && block.arguments.size() == 2 && arg == "theme" &&
                       parse_dimension(block.arguments[1]) && block.arguments[1] != "theme") {
                for (Block& b : crosstab_tables(c, *parse_dimension(block.arguments[1]))) {
                    section.blocks.push_back(std::move(b));
                }
            } else {
                build.errors.push_back({block.where,
                                        "unknown block: expected [reach channel|event|group], [themes], "
                                        "[you-said-we-did] or [crosstab theme group|channel|event]",
                                        locate_line(template_text, block.where.line)});
            }
        }
        doc.sections.push_back(std::move(section));
    }
    if (build.errors.empty()) build.document = std::move(doc);
    return build;
}

}  // namespace yousaid::report
