#include <iostream>
#include <memory>

#include "analysis/population_file.h"
#include "analysis/reach.h"
#include "analysis/store.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace reach_command {

struct ReachArguments {
    std::string store;
    std::string population;
    std::string by;
    std::string format = "text";
    bool every_member = false;
};

int run(const ReachArguments& args) {
    PopulationRead population = read_population(args.population);
    for (const Diagnostic& d : population.errors) std::cerr << d.format();
    if (!population.errors.empty()) return 1;
    Xapian::Database db = open_store(resolve_store_path(args.store));
    ReachOptions options;
    if (!args.by.empty()) options.by = *parse_reach_breakdown(args.by);
    options.every_member = args.every_member;
    Reach reach = measure_reach(db, population.by_group, options);
    std::cout << (args.format == "json" ? reach_json(reach) : reach_text(reach));
    return 0;
}

}  // namespace reach_command

void add_reach_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<reach_command::ReachArguments>();
    CLI::App* cmd = app.add_subcommand(
        "reach", "Respondents per group against population shares: representation index and chi-square");
    add_store_option(*cmd, args->store);
    cmd->add_option("--population", args->population,
                    "CSV of approximate population shares: group, population_share, note")
        ->required();
    cmd->add_option("--by", args->by, "the same for each event or channel")
        ->check(CLI::IsMember({"event", "channel"}));
    cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->add_flag("--every-member", args->every_member,
                  "count every response of a campaign (identical or near-identical submissions), not the campaign once");
    cmd->callback([args, &exit_code] { exit_code = reach_command::run(*args); });
}

}  // namespace yousaid::cli
