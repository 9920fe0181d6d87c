#include <iostream>
#include <memory>

#include "analysis/batch_admin.h"
#include "analysis/facet_cache.h"
#include "analysis/store.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace remove_batch_command {

struct RemoveBatchArguments {
    std::string store;
    std::string id;
};

int run(const RemoveBatchArguments& args) {
    const std::string path = resolve_store_path(args.store);
    open_store(path);  // refuses a missing store rather than creating an empty one
    Xapian::WritableDatabase db = open_store_to_write(path);
    BatchRecord batch;
    try {
        batch = find_batch(db, args.id);
    } catch (const std::invalid_argument& e) {
        std::cerr << "yousaid: " << e.what() << "\n";
        return 1;
    }
    Xapian::doccount removed = remove_batch(db, batch.id);
    refresh_facet_cache(db, path);
    std::cout << "removed batch " << batch.id << " (" << batch.file << "): " << removed
              << (removed == 1 ? " response\n" : " responses\n");
    return 0;
}

}  // namespace remove_batch_command

void add_remove_batch_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<remove_batch_command::RemoveBatchArguments>();
    CLI::App* cmd = app.add_subcommand("remove-batch", "Take a batch out of the store: its responses, record and rejects");
    add_store_option(*cmd, args->store);
    cmd->add_option("id", args->id, "the batch id, or its first characters (yousaid batches lists them)")->required();
    cmd->callback([args, &exit_code] { exit_code = remove_batch_command::run(*args); });
}

}  // namespace yousaid::cli
