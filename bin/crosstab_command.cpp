#include <iostream>
#include <memory>

#include "analysis/crosstab.h"
#include "analysis/crosstab_output.h"
#include "analysis/store.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace {

struct CrosstabArguments {
    std::string store;
    std::string rows = "theme";
    std::string columns;
    std::string format = "text";
    bool every_member = false;
};

int run(const CrosstabArguments& args) {
    Xapian::Database db = open_store(resolve_store_path(args.store));
    CrosstabOptions options;
    options.every_member = args.every_member;
    Crosstab table = crosstab(db, *parse_dimension(args.rows), *parse_dimension(args.columns), options);
    if (args.format == "csv") std::cout << crosstab_csv(table);
    else if (args.format == "json") std::cout << crosstab_json(table);
    else std::cout << crosstab_text(table);
    return 0;
}

}  // namespace

void add_crosstab_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<CrosstabArguments>();
    CLI::App* cmd = app.add_subcommand("crosstab", "Count themes by group, channel or event, with bases and column %");
    add_store_option(*cmd, args->store);
    cmd->add_option("--rows", args->rows, "what the rows count: theme (default) or group")
        ->check(CLI::IsMember({"theme", "group"}));
    cmd->add_option("--cols", args->columns, "what the columns split by: group, channel or event")
        ->required()
        ->check(CLI::IsMember({"group", "channel", "event", "theme"}));
    cmd->add_option("--format", args->format, "text, csv or json")->check(CLI::IsMember({"text", "csv", "json"}));
    cmd->add_flag("--every-member", args->every_member,
                  "count every response of a campaign (identical or near-identical submissions), not the campaign once");
    cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace yousaid::cli
