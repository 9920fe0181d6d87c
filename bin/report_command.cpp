#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "analysis/store.h"
#include "bin/commands.h"
#include "report/html_renderer.h"
#include "report/output_file.h"
#include "report/pdf_renderer.h"
#include "report/publication_checks.h"
#include "report/report_builder.h"

namespace yousaid::cli {

namespace report_command {

struct ReportArguments {
    std::string store;
    report::ReportInputs inputs;
    std::string out;
    std::string html;  // the accessible HTML companion; "" for none
    std::string font_dir = "/usr/share/fonts/truetype/dejavu";
    bool final = false;  // publish: refuse unless the publication checks pass; no DRAFT mark
    report::PublicationRules rules;
};

// A number from 0 to 100, as --min-share takes it: "5", "2.5" or "5%" (the '%' is dropped).
std::string check_percentage(std::string& text) {
    const std::string given = text;
    if (!text.empty() && text.back() == '%') text.pop_back();
    std::size_t used = 0;
    double value = -1;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used > 0 && used == text.size() && value >= 0 && value <= 100) return "";
    return "\"" + given + "\" is not a percentage from 0 to 100";
}

void print_problems(const std::vector<std::string>& problems) {
    for (const std::string& problem : problems) std::cerr << "  " << problem << "\n";
}

int run(const ReportArguments& args) {
    Xapian::Database db = open_store(resolve_store_path(args.store));
    report::ReportBuild build = report::build_report(db, args.inputs);
    for (const Diagnostic& d : build.errors) std::cerr << d.format();
    for (const std::string& w : build.warnings) std::cerr << "warning: " << w << "\n";
    if (!build.document) {
        std::cerr << "yousaid: no report written\n";
        return 1;
    }
    const std::vector<std::string> problems = report::publication_problems(build.facts, args.rules);
    if (args.final && !problems.empty()) {
        std::cerr << "yousaid: the report cannot be published with --final:\n";
        print_problems(problems);
        std::cerr << "yousaid: nothing written (without --final the report is written as a draft, "
                     "marked DRAFT on every page)\n";
        return 1;
    }
    // Both files or neither, as far as can be known before writing: the HTML's
    // path is checked before the PDF is made.
    std::string error = args.html.empty() ? "" : report::write_problem(args.html);
    if (error.empty()) error = report::render_pdf(*build.document, args.out, {args.font_dir, !args.final});
    if (error.empty() && !args.html.empty()) {
        report::HtmlOptions html_options;
        html_options.draft = !args.final;
        error = report::render_html(*build.document, args.html, html_options);
        if (!error.empty()) error += " (" + args.out + " was written)";
    }
    if (!error.empty()) {
        std::cerr << "yousaid: " << error << "\n";
        return 1;
    }
    const std::string written = args.out + (args.html.empty() ? "" : " and " + args.html);
    if (args.final) {
        std::cout << "wrote " << written << "\n";
        return 0;
    }
    std::cout << "wrote " << written << " as a draft, marked DRAFT on every page"
              << (args.html.empty() ? "" : " and at the top of the HTML") << " (--final publishes it)\n";
    if (!problems.empty()) {
        std::cerr << "warning: --final would refuse this report:\n";
        print_problems(problems);
    }
    return 0;
}

}  // namespace report_command

void add_report_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<report_command::ReportArguments>();
    args->inputs.template_path = std::string(YOUSAID_SOURCE_DIR) + "/templates/august-report.tmpl";
    CLI::App* cmd =
        app.add_subcommand("report", "Write the \"You said, we did\" consultation report as PDF (and HTML)");
    add_store_option(*cmd, args->store);
    cmd->add_option("--template", args->inputs.template_path, "the report template (default templates/august-report.tmpl)");
    cmd->add_option("--actions", args->inputs.actions_path, "CSV of what was done: theme, action, owner, status")
        ->required();
    cmd->add_option("--population", args->inputs.population_path,
                    "CSV of approximate population shares: group, population_share, note");
    cmd->add_option("--out", args->out, "the PDF to write")->required();
    cmd->add_option("--html", args->html,
                    "also write the report as one accessible HTML file: the same words and figures, with headings, "
                    "described charts and tables for screen readers (no scripts, nothing loaded from elsewhere)");
    cmd->add_option("--fonts", args->font_dir, "folder holding DejaVuSans.ttf, -Bold and -Oblique");
    const std::string published_base = std::to_string(report::PublicationRules{}.min_base);
    cmd->add_flag("--final", args->final,
                  "publish: no DRAFT mark, and nothing written unless every theme over --min-share has an action, "
                  "no quote holds personal data and no percentage rests on fewer than " + published_base +
                      " responses");
    cmd->add_option("--min-share", args->rules.min_share,
                    "the share of responses (a percentage) from which a theme needs an action to be published "
                    "(default 5)")
        ->transform(CLI::Validator(report_command::check_percentage, "PERCENT"));
    cmd->add_option("--min-base", args->inputs.min_base,
                    "show percentages of fewer than N responses as – (default " +
                        std::to_string(args->inputs.min_base) + "; 0 shows all; --final refuses any under " +
                        published_base + ")");
    cmd->add_flag("--every-member", args->inputs.every_member,
                  "count each member of a campaign (identical submissions), not the campaign once");
    cmd->callback([args, &exit_code] { exit_code = report_command::run(*args); });
}

}  // namespace yousaid::cli
