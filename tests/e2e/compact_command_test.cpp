// yousaid compact: the store, rewritten by Xapian's compaction, is smaller and
// says exactly what it said before; its rejected records come along; writers
// carry on after it; what a killed compaction leaves goes the next time. An
// ingest that writes a quarter of the store or more compacts it on its own.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <xapian.h>

#include <filesystem>
#include <regex>

#include "analysis/store_compaction.h"
#include "tests/e2e/batch_files.h"

using yousaid::testing::run_command;
using yousaid::testing::TempDir;
using yousaid::testing::write_batch;

namespace {

const std::string kBinary = YOUSAID_BINARY;

// Everything a user can read from the store, in one string.
std::string what_the_store_says(const std::string& store) {
    std::string out;
    for (const char* command : {"search --format json --limit 1000 ''", "search --format json 'bus NEAR hospital'",
                                "batches", "rejects", "crosstab --rows theme --cols channel", "themes", "audit"}) {
        out += run_command(kBinary + " " + command + " --store " + store).output;
    }
    return std::regex_replace(out, std::regex(R"(\d\d\d\d-\d\d-\d\dT[0-9:]+Z?)"), "TIME");
}

// The bytes of the store's Xapian tables, and of the same store compacted now.
std::pair<std::uintmax_t, std::uintmax_t> table_bytes_and_compacted(TempDir& dir, const std::string& store) {
    auto tables = [](const std::string& folder) {
        std::uintmax_t bytes = 0;
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            if (entry.path().extension() == ".glass") bytes += entry.file_size();
        }
        return bytes;
    };
    const std::string copy = dir.path("compacted-" + std::to_string(std::rand()));
    Xapian::Database(store).compact(copy, Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL);
    return {tables(store), tables(copy)};
}

}  // namespace

TEST_CASE("compaction after ingest: when the command wrote a quarter of the store or more") {
    CHECK_FALSE(yousaid::worth_compacting_after(0, 0));
    CHECK(yousaid::worth_compacting_after(1, 1));
    CHECK(yousaid::worth_compacting_after(250, 1000));
    CHECK_FALSE(yousaid::worth_compacting_after(249, 1000));
    CHECK(yousaid::worth_compacting_after(4000000000u, 4000000000u));  // no overflow
}

TEST_CASE("ingest: a large write leaves the store compacted, a small one does not compact it") {
    TempDir dir;
    const std::string store = dir.path("store");
    const std::string codebook = std::string(YOUSAID_SOURCE_DIR) + "/corpus/codebook.txt";
    const std::string a = write_batch(dir, "a.csv", 800, 3, "A");
    REQUIRE(run_command(kBinary + " ingest --quiet --store " + store + " --codebook " + codebook + " " + a).exit_code ==
            0);
    auto [after_first, compacted_first] = table_bytes_and_compacted(dir, store);
    CHECK(after_first == compacted_first);
    CHECK(std::filesystem::exists(store + "/facets.cache"));  // made again for the compacted store

    // 150 more responses (less than a quarter of 950) and a batch that writes nothing.
    const std::string b = write_batch(dir, "b.csv", 150, 5, "B");
    REQUIRE(run_command(kBinary + " ingest --quiet --store " + store + " " + b + " " + a).exit_code == 0);
    auto [after_second, compacted_second] = table_bytes_and_compacted(dir, store);
    CHECK(after_second > compacted_second);
    CHECK(yousaid::testing::document_count(store) == 950);
}

TEST_CASE("compact: a smaller store that says exactly what it said before") {
    TempDir dir;
    const std::string store = dir.path("store");
    const std::string codebook = std::string(YOUSAID_SOURCE_DIR) + "/corpus/codebook.txt";
    const std::string a = write_batch(dir, "a.csv", 600, 3, "A");
    const std::string b = dir.write("b.csv", "id,text,date\nB1,The bus to the hospital is late.,2014-06-01\n"
                                             "B2,Parking costs too much.,2014-13-45\n");
    REQUIRE(run_command(kBinary + " ingest --quiet --store " + store + " --codebook " + codebook + " " + a + " " + b)
                .exit_code == 0);
    REQUIRE(run_command(kBinary + " code --store " + store + " a-A7 +transport-rural --user analyst").exit_code == 0);
    const std::string before = what_the_store_says(store);
    REQUIRE(before.find("B2") != std::string::npos);  // the rejected row is there to be shown

    const std::string left_by_a_kill = dir.path(".store.compacting-Xy12Zw");
    std::filesystem::create_directories(left_by_a_kill + "/store");
    auto compacted = run_command(kBinary + " compact --store " + store);
    CHECK(compacted.exit_code == 0);
    std::smatch sizes;
    REQUIRE(std::regex_match(compacted.output, sizes,
                             std::regex("compacted " + store + R"(: ([0-9.]+) MB -> ([0-9.]+) MB\n)")));
    CHECK(std::stod(sizes[2]) < std::stod(sizes[1]));
    CHECK(what_the_store_says(store) == before);
    CHECK_FALSE(std::filesystem::exists(left_by_a_kill));
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        CHECK(entry.path().filename().string().find("compacting") == std::string::npos);
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(store)) {
        struct stat st {};
        REQUIRE(::stat(entry.path().c_str(), &st) == 0);
        CAPTURE(entry.path().string());
        CHECK((st.st_mode & 0777) == (entry.is_directory() ? 0700 : 0600));
    }

    // Writers carry on.
    const std::string c = dir.write("c.csv", "id,text\nC1,The bus never comes to the village.\n");
    CHECK(run_command(kBinary + " ingest --quiet --store " + store + " " + c).exit_code == 0);
    CHECK(run_command(kBinary + " search --format json --store " + store + " '\"never comes\"'").output.find(
              "\"id\": \"c-C1\"") != std::string::npos);
}

TEST_CASE("compact: no store, no compaction") {
    TempDir dir;
    auto missing = run_command(kBinary + " compact --store " + dir.path("none"));
    CHECK(missing.exit_code == 1);
    CHECK(missing.output == "yousaid: " + dir.path("none") +
                                ": no store here (yousaid ingest creates one; --store or YOUSAID_STORE names another)\n");
    CHECK_FALSE(std::filesystem::exists(dir.path("none")));
}
