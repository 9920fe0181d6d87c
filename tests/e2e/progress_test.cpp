// A long ingest shows progress on a terminal, and stays quiet when its output
// is not a terminal or with --quiet; the counts always print.
#include <doctest/doctest.h>

#include <fstream>

#include "tests/test_support.h"

using yousaid::testing::run_command;
using yousaid::testing::TempDir;

namespace {
const std::string kBinary = YOUSAID_BINARY;

std::string rows(const TempDir& dir, int n) {
    std::ofstream out(dir.path("rows.csv"));
    out << "id,text\n";
    for (int i = 0; i < n; ++i) out << i << ",Response number " << i << " about the bus and the surgery\n";
    return dir.path("rows.csv");
}
}  // namespace

TEST_CASE("progress on a terminal, none otherwise") {
    TempDir dir;
    std::string file = rows(dir, 3000);
    // `script` gives the command a terminal, as a person at a shell would.
    auto on_terminal =
        run_command("script -qec '" + kBinary + " ingest --store " + dir.path("a") + " " + file + "' /dev/null");
    CHECK(on_terminal.output.find(" of 3,000 written") != std::string::npos);
    CHECK(on_terminal.output.find("read 3000, accepted 3000, rejected 0, unchanged 0") != std::string::npos);

    auto quiet = run_command("script -qec '" + kBinary + " ingest --quiet --store " + dir.path("b") + " " + file +
                             "' /dev/null");
    CHECK(quiet.output.find("written") == std::string::npos);
    CHECK(quiet.output.find("read 3000, accepted 3000") != std::string::npos);

    auto piped = run_command(kBinary + " ingest --store " + dir.path("c") + " " + file);
    CHECK(piped.output.find("written") == std::string::npos);
    CHECK(piped.output.find("read 3000, accepted 3000") != std::string::npos);
}
