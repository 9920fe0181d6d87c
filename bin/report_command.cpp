#include <iostream>
#include <memory>

#include "analysis/store.h"
#include "bin/commands.h"
#include "report/pdf_renderer.h"
#include "report/report_builder.h"

namespace yousaid::cli {

namespace {

struct ReportArguments {
    std::string store;
    report::ReportInputs inputs;
    std::string out;
    std::string font_dir = "/usr/share/fonts/truetype/dejavu";
    bool draft = false;
};

int run(const ReportArguments& args) {
    Xapian::Database db = open_store(resolve_store_path(args.store));
    report::ReportBuild build = report::build_report(db, args.inputs);
    for (const Diagnostic& d : build.errors) {
        if (d.where.file.empty()) std::cerr << "yousaid: " << d.message << "\n";
        else std::cerr << d.format();
    }
    for (const std::string& w : build.warnings) std::cerr << "warning: " << w << "\n";
    if (!build.document) {
        std::cerr << "yousaid: no report written\n";
        return 1;
    }
    std::string error = report::render_pdf(*build.document, args.out, {args.font_dir, args.draft});
    if (!error.empty()) {
        std::cerr << "yousaid: " << error << "\n";
        return 1;
    }
    std::cout << "wrote " << args.out << "\n";
    return 0;
}

}  // namespace

void add_report_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ReportArguments>();
    args->inputs.template_path = std::string(YOUSAID_SOURCE_DIR) + "/templates/august-report.tmpl";
    CLI::App* cmd = app.add_subcommand("report", "Write the \"You said, we did\" consultation report as PDF");
    add_store_option(*cmd, args->store);
    cmd->add_option("--template", args->inputs.template_path, "the report template (default templates/august-report.tmpl)");
    cmd->add_option("--actions", args->inputs.actions_path, "CSV of what was done: theme, action, owner, status")
        ->required();
    cmd->add_option("--population", args->inputs.population_path,
                    "CSV of approximate population shares: group, population_share, note");
    cmd->add_option("--out", args->out, "the PDF to write")->required();
    cmd->add_option("--fonts", args->font_dir, "folder holding DejaVuSans.ttf, -Bold and -Oblique");
    cmd->add_flag("--draft", args->draft, "mark every page DRAFT");
    cmd->add_flag("--every-member", args->inputs.every_member,
                  "count each member of a campaign (identical submissions), not the campaign once");
    cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace yousaid::cli
