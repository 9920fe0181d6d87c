#include "report/report_builder.h"

#include "analysis/population_file.h"
#include "analysis/store_summary.h"
#include "analysis/tagger.h"
#include "ingest/text_file.h"
#include "report/actions_file.h"
#include "report/block_calls.h"
#include "report/report_context.h"
#include "report/shown_figures.h"
#include "report/template_values.h"
#include "templates/template_parser.h"

namespace yousaid::report {

namespace {

// Every theme raised, most raised first, and whether the actions file covers it.
std::vector<ThemeCoverage> theme_coverage(const ReportContext& c) {
    std::vector<ThemeCoverage> out;
    for (const auto& [theme, n] : themes_by_count(c)) {
        double percent = c.summary.counted == 0 ? 0 : 100.0 * n / c.summary.counted;
        out.push_back({theme->id, theme->title, n, percent, c.actions.by_theme.count(theme->id) > 0});
    }
    return out;
}

void warn_of_unknown_themes(const ReportContext& c, std::vector<std::string>& warnings) {
    for (const auto& [theme, action] : c.actions.by_theme) {
        bool known = false;
        for (const Theme& t : c.codebook.themes) known = known || t.id == theme;
        if (!known) warnings.push_back("the actions file names theme \"" + theme + "\", which is not in the codebook");
    }
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

    ReportContext c{db, *codebook, summarise_store(db, inputs.every_member), read_actions(inputs.actions_path)};
    c.every_member = inputs.every_member;
    c.min_base = inputs.min_base;
    c.warnings = &build.warnings;
    if (!inputs.population_path.empty()) c.population = read_population(inputs.population_path);
    build.errors.insert(build.errors.end(), c.actions.errors.begin(), c.actions.errors.end());
    build.errors.insert(build.errors.end(), c.population.errors.begin(), c.population.errors.end());
    warn_of_unknown_themes(c, build.warnings);
    if (!build.errors.empty()) return build;
    ShownFigures figures(inputs.min_base);
    c.figures = &figures;
    c.quotes = &build.facts.quotes;
    build.facts.actions_path = inputs.actions_path;
    build.facts.themes = theme_coverage(c);

    const templates::ReportTemplate& t = parsed.report_template;
    const PlaceholderValues values = placeholder_values(c, t);
    auto field = [&](const char* name) {
        auto found = t.fields.find(name);
        return found == t.fields.end() ? std::string() : expand(found->second, values, template_text, build.errors);
    };
    ReportDocument doc;
    doc.title = field("title");
    doc.subtitle = field("subtitle");
    doc.programme = field("programme");
    doc.date_line = field("date");
    doc.author = field("author");
    for (const templates::TemplateSection& ts : t.sections) {
        Section section{expand(ts.heading, values, template_text, build.errors), {}};
        for (const templates::Item& item : ts.items) {
            if (const auto* text = std::get_if<templates::TextItem>(&item)) {
                section.blocks.push_back(Paragraph{expand(*text, values, template_text, build.errors)});
                continue;
            }
            for (Block& b : draw_block(c, std::get<templates::BlockItem>(item), template_text, build.errors)) {
                section.blocks.push_back(std::move(b));
            }
        }
        doc.sections.push_back(std::move(section));
    }
    build.facts.bases = figures.shown();
    if (build.errors.empty()) build.document = std::move(doc);
    return build;
}

}  // namespace yousaid::report
