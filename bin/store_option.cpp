#include "bin/commands.h"

#include <iostream>

#include "analysis/store.h"

namespace yousaid::cli {

void add_store_option(CLI::App& command, std::string& store) {
    command.add_option("--store", store, "the store directory (default $YOUSAID_STORE, else ./yousaid.db)");
}

Xapian::WritableDatabase open_store_to_write(const std::string& path) {
    return open_store_for_writing(path, [](const std::string& message) { std::cerr << "yousaid: " << message << std::endl; });
}

}  // namespace yousaid::cli
