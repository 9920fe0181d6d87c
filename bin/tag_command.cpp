#include <iostream>
#include <memory>

#include "analysis/store.h"
#include "analysis/tagger.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace {

struct TagArguments {
    std::string store;
    std::string codebook;
};

int run(const TagArguments& args) {
    Xapian::WritableDatabase db = open_store_for_writing(resolve_store_path(args.store));
    CodebookLoad load = load_codebook(args.codebook, db);
    for (const Diagnostic& d : load.errors) std::cerr << d.format();
    if (!load.compiled) {
        std::cerr << "yousaid: nothing tagged: the codebook has errors\n";
        return 1;
    }
    // One transaction: the store shows the old tags or the new, never a mix.
    db.begin_transaction();
    TaggingSummary summary = tag_responses(db, *load.compiled, std::nullopt);
    db.commit_transaction();
    std::cout << "tagged " << summary.examined << " responses with " << load.compiled->codebook.themes.size()
              << " themes and " << load.compiled->codebook.groups.size() << " groups; " << summary.changed
              << " changed\n";
    return 0;
}

}  // namespace

void add_tag_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<TagArguments>();
    CLI::App* cmd = app.add_subcommand("tag", "Tag every response with a codebook's themes and groups");
    add_store_option(*cmd, args->store);
    cmd->add_option("--codebook", args->codebook, "the codebook file")->required();
    cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace yousaid::cli
