#include <iostream>
#include <memory>

#include "analysis/facet_cache.h"
#include "analysis/model_tagger.h"
#include "analysis/schema.h"
#include "analysis/store.h"
#include "analysis/store_tagging.h"
#include "analysis/tagger.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace tag_command {

struct TagArguments {
    std::string store;
    std::string codebook;
    std::vector<std::string> models;
};

int run(const TagArguments& args) {
    if (args.codebook.empty() && args.models.empty()) {
        std::cerr << "yousaid: give --codebook FILE, --model MODEL, or both\n";
        return 2;
    }
    std::vector<TextModel> models;
    for (const std::string& path : args.models) {
        try {
            models.push_back(TextModel::load(path));
        } catch (const std::runtime_error& e) {
            std::cerr << "yousaid: " << e.what() << "\n";
            return 1;
        }
    }
    const std::string path = resolve_store_path(args.store);
    open_store(path);  // refuses a missing store rather than creating an empty one
    Xapian::WritableDatabase db = open_store_to_write(path);
    // The codebook given, else the one the store was last tagged with: its rules
    // roll a model's themes up to their parents.
    std::optional<CompiledCodebook> codebook;
    if (!args.codebook.empty()) {
        CodebookLoad load = load_codebook(args.codebook, db);
        for (const Diagnostic& d : load.errors) std::cerr << d.format();
        if (!load.compiled) {
            std::cerr << "yousaid: nothing tagged: the codebook has errors\n";
            return 1;
        }
        codebook = std::move(load.compiled);
    } else if (std::string text = db.get_metadata(schema::kCodebookKey); !text.empty()) {
        codebook = compile_codebook(text, "the store's codebook", db).compiled;
    }
    // One transaction: the store shows the old tags or the new, never a mix.
    db.begin_transaction();  // commits what opening wrote, so a reader sees all of it
    const Xapian::Database reader(path);  // what the models' thread reads responses from
    std::vector<const TextModel*> model_order;
    for (const TextModel& model : models) model_order.push_back(&model);
    const StoreTagging tagged = tag_store(db, model_order, codebook ? &*codebook : nullptr, 2, &reader);
    for (std::size_t i = 0; i < models.size(); ++i) {
        std::cout << "tagged " << tagged.examined << " responses with " << args.models[i] << " ("
                  << (is_polarity_model(models[i]) ? "polarity" : std::to_string(models[i].labels().size()) + " themes")
                  << "); " << tagged.changed_by_model[i] << " changed\n";
    }
    if (codebook) {
        std::cout << "tagged " << tagged.examined << " responses with " << codebook->codebook.themes.size()
                  << " themes and " << codebook->codebook.groups.size() << " groups of "
                  << (args.codebook.empty() ? "the store's codebook" : args.codebook) << "; " << tagged.changed_by_rules
                  << " changed\n";
    }
    db.commit_transaction();
    refresh_facet_cache(db, path);
    return 0;
}

}  // namespace tag_command

void add_tag_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<tag_command::TagArguments>();
    CLI::App* cmd = app.add_subcommand(
        "tag", "Tag every response with a codebook's rules, a learned model (yousaid train), or both");
    add_store_option(*cmd, args->store);
    cmd->add_option("--codebook", args->codebook, "the codebook file (default: the one the store was tagged with)");
    cmd->add_option("--model", args->models,
                    "a model file; a theme model adds themes (source model), a polarity model sets polarity; repeatable");
    cmd->footer("Codes an analyst made by hand (yousaid code) always win over rules and models.");
    cmd->callback([args, &exit_code] { exit_code = tag_command::run(*args); });
}

}  // namespace yousaid::cli
