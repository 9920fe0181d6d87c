#include <iostream>
#include <memory>

#include "analysis/store.h"
#include "analysis/theme_summary.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace themes_command {

struct ThemesArguments {
    std::string store;
    std::string by;
    std::string format = "text";
    bool every_member = false;
};

int run(const ThemesArguments& args) {
    Xapian::Database db = open_store(resolve_store_path(args.store));
    ThemeSummaryOptions options;
    if (!args.by.empty()) options.by = *parse_theme_breakdown(args.by);
    options.every_member = args.every_member;
    ThemeSummary summary = summarise_themes(db, options);
    std::cout << (args.format == "json" ? themes_json(summary) : themes_text(summary));
    return 0;
}

}  // namespace themes_command

void add_themes_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<themes_command::ThemesArguments>();
    CLI::App* cmd = app.add_subcommand(
        "themes", "What each theme caught: responses, respondents, share, distinguishing words, examples; and what none did");
    add_store_option(*cmd, args->store);
    cmd->add_option("--by", args->by, "break each theme's counts down by event, channel or question")
        ->check(CLI::IsMember({"event", "channel", "question"}));
    cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->add_flag("--every-member", args->every_member,
                  "count every response of a campaign (identical or near-identical submissions), not the campaign once");
    cmd->callback([args, &exit_code] { exit_code = themes_command::run(*args); });
}

}  // namespace yousaid::cli
