#include "bin/commands.h"

namespace yousaid::cli {

void add_store_option(CLI::App& command, std::string& store) {
    command.add_option("--store", store, "the store directory (default $YOUSAID_STORE, else ./yousaid.db)");
}

}  // namespace yousaid::cli
