#include <iostream>
#include <memory>
#include <stdexcept>

#include "analysis/crosstab.h"
#include "analysis/crosstab_output.h"
#include "analysis/population_file.h"
#include "analysis/store.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace crosstab_command {

struct CrosstabArguments {
    std::string store;
    std::string rows = "theme";
    std::string columns;
    std::string format = "text";
    std::string percent = "column";
    std::string adjust = "bh";
    std::string unit = "responses";
    std::string weight;
    unsigned min_base = 10;
    bool every_member = false;
};

const char* const kAxisHelp =
    "theme, group, channel, event, question, polarity, an attribute ingest names (age_band, gender, ethnicity, "
    "sexual_orientation, postcode_district, carer, disability, long_term_condition, mental_health_condition, "
    "parent_under_5, working_status) or attribute:NAME";

std::string check_axis(const std::string& text) {
    return parse_axis(text) ? "" : "\"" + text + "\" is not one of " + kAxisHelp;
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

int run(const CrosstabArguments& args) {
    Axis rows = *parse_axis(args.rows), columns = *parse_axis(args.columns);
    CrosstabOptions options;
    options.every_member = args.every_member;
    options.unit = args.unit == "respondents" ? CountUnit::respondents : CountUnit::responses;
    options.percent_base = args.percent == "row" ? PercentBase::row : PercentBase::column;
    options.adjustment = args.adjust == "bonferroni" ? Adjustment::bonferroni
                         : args.adjust == "none"     ? Adjustment::none
                                                     : Adjustment::benjamini_hochberg;
    options.min_base = args.min_base;
    if (!args.weight.empty()) {
        if (columns.dimension != Dimension::group) {
            std::cerr << "yousaid: crosstab: --weight weights group columns: use it with --cols group\n";
            return 2;
        }
        PopulationRead population = read_population(args.weight);
        for (const Diagnostic& error : population.errors) std::cerr << error.format();
        if (!population.errors.empty()) return 1;
        std::map<std::string, double> shares;
        for (const auto& [group, share] : population.by_group) shares[group] = share.percent / 100;
        options.column_population_shares = shares;
    }
    Xapian::Database db = open_store(resolve_store_path(args.store));
    for (const Axis& axis : {rows, columns}) {
        if (axis.dimension != Dimension::attribute) continue;
        std::vector<std::string> known = stored_attributes(db);
        if (std::find(known.begin(), known.end(), axis.attribute) != known.end()) continue;
        std::cerr << "yousaid: crosstab: no attribute \"" << axis.attribute << "\" in the store"
                  << (known.empty() ? std::string(" (it holds none)") : "; it holds " + join(known)) << "\n";
        return 2;
    }
    Crosstab table = crosstab(db, rows, columns, options);
    if (args.format == "csv") std::cout << crosstab_csv(table);
    else if (args.format == "json") std::cout << crosstab_json(table);
    else std::cout << crosstab_text(table);
    return 0;
}

}  // namespace crosstab_command

void add_crosstab_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<crosstab_command::CrosstabArguments>();
    CLI::App* cmd = app.add_subcommand(
        "crosstab", "Count responses by two dimensions: bases, column % and significance of each cell");
    add_store_option(*cmd, args->store);
    cmd->add_option("--rows", args->rows, std::string("what the rows count (default theme): ") + crosstab_command::kAxisHelp)
        ->check(CLI::Validator(crosstab_command::check_axis, "DIMENSION"));
    cmd->add_option("--cols", args->columns, "what the columns split by: the same choices as --rows")
        ->required()
        ->check(CLI::Validator(crosstab_command::check_axis, "DIMENSION"));
    cmd->add_option("--format", args->format, "text, csv or json")->check(CLI::IsMember({"text", "csv", "json"}));
    cmd->add_option("--percent", args->percent, "column (default) or row percentages")
        ->check(CLI::IsMember({"column", "row"}));
    cmd->add_option("--unit", args->unit, "count responses (default) or distinct respondents")
        ->check(CLI::IsMember({"responses", "respondents"}));
    cmd->add_option("--adjust", args->adjust,
                    "adjust the cells' p-values across the table: bh (Benjamini-Hochberg, default), bonferroni or none")
        ->check(CLI::IsMember({"bh", "bonferroni", "none"}));
    cmd->add_option("--min-base", args->min_base,
                    "suppress (show as –, do not test) columns whose base is under N (default 10; 0 shows all)");
    cmd->add_option("--weight", args->weight,
                    "population file (group, population_share, note): weight each group column by population share / "
                    "sample share (with --cols group)");
    cmd->add_flag("--every-member", args->every_member,
                  "count every response of a campaign (identical or near-identical submissions), not the campaign once");
    cmd->callback([args, &exit_code] { exit_code = crosstab_command::run(*args); });
}

}  // namespace yousaid::cli
