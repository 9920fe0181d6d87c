#include "bin/commands.h"

namespace yousaid::cli {

// Placeholder while the command is being written.
void add_audit_command(CLI::App&, int&) {}

}  // namespace yousaid::cli
