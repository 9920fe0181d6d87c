// A batch lands whole or not at all: an ingest killed with SIGKILL part-way
// through leaves the store as it was, and running it again completes it with
// the same totals as a clean run.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/e2e/batch_files.h"

using yousaid::testing::document_count;
using yousaid::testing::run_command;
using yousaid::testing::write_batch;
using yousaid::testing::TempDir;

namespace {

const std::string kBinary = YOUSAID_BINARY;

// Runs `yousaid ingest --quiet --store STORE FILE`, and kills it with SIGKILL
// after `wait`; true when it was still running then (cut off part-way).
bool killed_while_ingesting(const std::string& store, const std::string& file, std::chrono::milliseconds wait) {
    std::fflush(nullptr);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::freopen("/dev/null", "w", stdout);
        ::execl(kBinary.c_str(), kBinary.c_str(), "ingest", "--quiet", "--store", store.c_str(), file.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    std::this_thread::sleep_for(wait);
    int status = 0;
    bool still_running = ::waitpid(child, &status, WNOHANG) == 0;
    ::kill(child, SIGKILL);
    ::waitpid(child, &status, 0);
    return still_running;
}

}  // namespace

TEST_CASE("SIGKILL during ingest leaves the store as it was; a rerun completes the batch") {
    TempDir dir;
    std::string store = dir.path("store");
    std::string small = dir.write("small.csv", "id,text\nS1,The first batch is here to stay.\nS2,So is this one.\n");
    REQUIRE(run_command(kBinary + " ingest --quiet --store " + store + " " + small).exit_code == 0);
    const int large_rows = yousaid::testing::rows(30000);
    std::string large = write_batch(dir, "large.csv", large_rows);

    // The batch must have been cut off part-way for the test to mean anything.
    REQUIRE(killed_while_ingesting(store, large, std::chrono::milliseconds(1000)));

    CHECK(document_count(store) == 2);
    auto batches = run_command(kBinary + " batches --store " + store);
    CHECK(batches.output.find("small.csv") != std::string::npos);
    CHECK(batches.output.find("large.csv") == std::string::npos);
    CHECK(batches.output.find("1 batch\n") != std::string::npos);

    auto rerun = run_command(kBinary + " ingest --quiet --store " + store + " " + large);
    CHECK(rerun.exit_code == 0);
    CHECK(rerun.output.find("read " + std::to_string(large_rows) + ", accepted " + std::to_string(large_rows) +
                            ", rejected 0, unchanged 0") != std::string::npos);
    CHECK(document_count(store) == large_rows + 2);

    std::string clean = dir.path("clean");
    auto clean_run = run_command(kBinary + " ingest --quiet --store " + clean + " " + small + " " + large);
    const std::string all = std::to_string(large_rows + 2);
    CHECK(clean_run.output.find("total: read " + all + ", accepted " + all + ", rejected 0, unchanged 0") !=
          std::string::npos);
    CHECK(document_count(clean) == document_count(store));
}

TEST_CASE("SIGKILL during a new store's first ingest leaves it empty; the next ingest clears what it left") {
    // A new store's first batch is written in a folder beside it and swapped in once committed.
    TempDir dir;
    const std::string store = dir.path("store");
    const int rows = yousaid::testing::rows(30000);
    const std::string large = write_batch(dir, "large.csv", rows);
    REQUIRE(killed_while_ingesting(store, large, std::chrono::milliseconds(1000)));

    auto beside = [&] {
        int folders = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
            folders += entry.path().filename().string().starts_with(".store.ingesting-");
        return folders;
    };
    CHECK(beside() == 1);
    CHECK(run_command(kBinary + " batches --store " + store).output.find("0 batches") != std::string::npos);
    CHECK(document_count(store) <= 0);  // empty, or no tables written yet

    auto rerun = run_command(kBinary + " ingest --quiet --store " + store + " " + large);
    CHECK(rerun.exit_code == 0);
    CHECK(document_count(store) == rows);
    CHECK(beside() == 0);
}

TEST_CASE("--strict refuses the whole file at its first rejected record and leaves the store unchanged") {
    TempDir dir;
    std::string store = dir.path("store");
    std::string bad = dir.write("bad.csv", "id,text,date\n1,fine,2014-06-01\n2,,2014-06-02\n3,also fine,2014-06-03\n");
    auto strict = run_command(kBinary + " ingest --strict --store " + store + " " + bad);
    CHECK(strict.exit_code == 1);
    CHECK(strict.output.find(bad + ":3:3: error: the response text is empty\n") != std::string::npos);
    CHECK(strict.output.find("yousaid: " + bad + ": refused; nothing of it is in the store (--strict: a record was rejected)") !=
          std::string::npos);
    CHECK(run_command(kBinary + " batches --store " + store).output.find("0 batches") != std::string::npos);

    auto lenient = run_command(kBinary + " ingest --store " + store + " " + bad);
    CHECK(lenient.exit_code == 0);
    CHECK(lenient.output.find("read 3, accepted 2, rejected 1, unchanged 0") != std::string::npos);
    auto rejects = run_command(kBinary + " rejects --store " + store + " --format csv");
    CHECK(rejects.output == "batch,file,line,column,reason,record\r\n" +
                                run_command("sha1sum " + bad + " | cut -c1-12").output.substr(0, 12) + "," + bad +
                                ",3,3,the response text is empty,\"2,,2014-06-02\"\r\n");
}

TEST_CASE("usage errors exit 2; a missing store exits 1") {
    CHECK(run_command(kBinary + " ingest").exit_code == 2);
    CHECK(run_command(kBinary + " crosstab --cols banana").exit_code == 2);
    TempDir dir;
    auto missing = run_command(kBinary + " search --store " + dir.path("none") + " bus");
    CHECK(missing.exit_code == 1);
    CHECK(missing.output == "yousaid: " + dir.path("none") +
                                ": no store here (yousaid ingest creates one; --store or YOUSAID_STORE names another)\n");
    // Commands that write to a store refuse a missing one too, and make none.
    const std::string codebook = dir.write("codebook.txt", "theme bus\n  title: Bus\n  rule: bus\n");
    for (const std::string& command : {"tag --codebook " + codebook, std::string("remove-batch abc")}) {
        auto refused = run_command(kBinary + " " + command + " --store " + dir.path("none"));
        CHECK(refused.exit_code == 1);
        CHECK(refused.output.find(": no store here") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(dir.path("none")));
    }
}

TEST_CASE("remove-batch takes a batch out whole") {
    TempDir dir;
    std::string store = dir.path("store");
    std::string a = dir.write("a.csv", "id,text\n1,one\n2,two\n");
    std::string b = dir.write("b.csv", "id,text\n1,uno\n");
    run_command(kBinary + " ingest --quiet --store " + store + " " + a + " " + b);
    std::string id = run_command("sha1sum " + a + " | cut -c1-8").output.substr(0, 8);
    auto removed = run_command(kBinary + " remove-batch --store " + store + " " + id);
    CHECK(removed.exit_code == 0);
    CHECK(removed.output.find("(" + a + "): 2 responses") != std::string::npos);
    CHECK(document_count(store) == 1);
    CHECK(run_command(kBinary + " batches --store " + store).output.find("1 batch\n") != std::string::npos);
    auto unknown = run_command(kBinary + " remove-batch --store " + store + " ffff");
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.output == "yousaid: no batch \"ffff\" in the store (yousaid batches lists them)\n");
}
