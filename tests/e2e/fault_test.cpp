// Faults, through the built binary: ingests and compactions killed at random
// moments, a full disk, a read-only store (load_test.cpp has two writers at
// once and searches during an ingest). Each test says what must hold afterwards.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <thread>
#include <vector>

#include "tests/e2e/batch_files.h"
#include "tests/e2e/yousaid_processes.h"

using namespace yousaid::testing;

// Kills to land in running ingests. Built with sanitizers every run of yousaid
// is several times slower and the kills mostly repeat what they show, so there
// they are fewer; the release build's tests land twenty.
#ifdef YOUSAID_SANITIZED
constexpr int kIngestKills = 8;
#else
constexpr int kIngestKills = 20;
#endif

TEST_CASE("SIGKILLs at random moments of ingest (twenty in the release build): the store opens, batches are whole or absent, reruns finish it") {
    TempDir dir;
    std::vector<std::string> files;
    for (unsigned k = 0; k < 4; ++k) {
        files.push_back(
            write_batch(dir, "batch" + std::to_string(k) + ".csv", rows(1500), 11 + k, "B" + std::to_string(k) + "-"));
    }
    const std::string clean = dir.path("clean");
    const auto began = std::chrono::steady_clock::now();
    REQUIRE(finish(start(ingest_args(clean, files), dir.path("clean.log"))) == 0);
    long clean_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - began).count();

    // Each ingest goes on from whatever the one before left, and is killed at a
    // moment drawn evenly from the time a clean run would take over the files
    // not yet in (a third less each time one finished first). When every file
    // is in, the store must equal the clean run's, and the next round starts on
    // a new store.
    std::mt19937 random(20261122);
    int attempts = 0, kills = 0, rounds = 0;
    auto check_finished = [&](const std::string& store) {
        check_batches_whole(store);
        CHECK(accepted_by_file(store) == accepted_by_file(clean));
        CHECK(run("crosstab --rows theme --cols attribute:age_band --format csv --store " + store) ==
              run("crosstab --rows theme --cols attribute:age_band --format csv --store " + clean));
    };
    // Until kIngestKills have landed in a running ingest; an ingest that ended
    // before its kill is not one of them.
    while (kills < kIngestKills) {
        REQUIRE(attempts < 3 * kIngestKills);
        const std::string store = dir.path("killed" + std::to_string(rounds));
        const bool exists = std::filesystem::exists(store + "/iamglass");
        const std::size_t in = exists ? accepted_by_file(store).size() : 0;
        if (in == files.size()) {
            check_finished(store);
            ++rounds;
            continue;
        }
        const long window = clean_ms * static_cast<long>(files.size() - in) / static_cast<long>(files.size());
        const pid_t child = start(ingest_args(store, files), dir.path("killed.log"));
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<long>(0, window)(random)));
        int status = 0;
        ++attempts;
        if (::waitpid(child, &status, WNOHANG) == 0) {
            ++kills;
            ::kill(child, SIGKILL);
            finish(child);
        } else {
            clean_ms = clean_ms * 2 / 3;  // the clean run was slowed by something else: aim earlier
        }
        CAPTURE(kills);
        if (std::filesystem::exists(store + "/iamglass")) {
            REQUIRE(run_command(kBinary + " batches --store " + store).exit_code == 0);
            check_batches_whole(store);
        }
    }
    MESSAGE(kills << " kills landed while ingest ran, in " << attempts << " attempts over " << rounds + 1
                  << std::string(rounds == 0 ? " round" : " rounds") << " (kills aimed within " << clean_ms << " ms of a start)");
    const std::string last = dir.path("killed" + std::to_string(rounds));
    REQUIRE(finish(start(ingest_args(last, files), dir.path("rerun.log"))) == 0);
    check_finished(last);
}

TEST_CASE("SIGKILLs at random moments of compact: the store says what it said, and the next compaction finishes") {
    TempDir dir;
    const std::string store = dir.path("store");
    std::vector<std::string> files;
    for (unsigned k = 0; k < 2; ++k) {
        files.push_back(
            write_batch(dir, "batch" + std::to_string(k) + ".csv", rows(2500), 31 + k, "C" + std::to_string(k) + "-"));
    }
    REQUIRE(finish(start(ingest_args(store, files), dir.path("ingest.log"))) == 0);
    auto says = [&] {
        return run("batches --store " + store) + run("search --format json --limit 50 'bus NEAR hospital' --store " + store) +
               run("crosstab --rows theme --cols attribute:age_band --format csv --store " + store);
    };
    const std::string before = says();
    REQUIRE(before.find("\"total\"") != std::string::npos);

    // A copy is compacted first, to learn how long a compaction takes here.
    std::filesystem::copy(store, dir.path("copy"), std::filesystem::copy_options::recursive);
    const auto began = std::chrono::steady_clock::now();
    REQUIRE(finish(start({"compact", "--store", dir.path("copy")}, dir.path("copy.log"))) == 0);
    const long clean_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - began).count();
    std::mt19937 random(20261123);
    int kills = 0;
    for (int attempt = 0; attempt < 10; ++attempt) {
        const pid_t child = start({"compact", "--store", store}, dir.path("killed.log"));
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<long>(0, clean_ms)(random)));
        int status = 0;
        if (::waitpid(child, &status, WNOHANG) == 0) {
            ++kills;
            ::kill(child, SIGKILL);
            finish(child);
        }
        CAPTURE(attempt);
        CHECK(says() == before);
    }
    MESSAGE(kills << " of 10 kills landed while compact ran (aimed within " << clean_ms << " ms of a start)");
    CHECK(kills > 0);
    REQUIRE(finish(start({"compact", "--store", store}, dir.path("last.log"))) == 0);
    CHECK(says() == before);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        CHECK(entry.path().filename().string().find("compacting") == std::string::npos);
    }
}

TEST_CASE("a full disk: a clear error, and the store as it was") {
    TempDir dir;
    const std::string store = dir.path("store");
    const std::string small = dir.write("small.csv", "id,text\nS1,The first batch is here to stay.\nS2,So is this one.\n");
    REQUIRE(run_command(kBinary + " ingest --quiet --store " + store + " " + small).exit_code == 0);
    const std::string large = write_batch(dir, "large.csv", rows(20000));

    // No file may grow past 1 MB (a fifth of that with a fifth of the rows;
    // RLIMIT_FSIZE), as when the disk fills.
    auto full = run_command("prlimit --fsize=" + std::to_string(rows(1000000)) + " " + kBinary + " ingest --quiet --store " + store + " " + large);
    CHECK(full.exit_code == 1);
    CHECK(full.output.find("yousaid: ") == 0);
    CHECK(full.output == "yousaid: " + large + ": the store could not be written (File too large); nothing of it is in the store\n"
                         "read 0, accepted 0, rejected 0, unchanged 0\n"
                         "yousaid: nothing was ingested from 1 of 1 file (see above)\n");
    CHECK(document_count(store) == 2);
    CHECK(accepted_by_file(store) == std::map<std::string, long>{{small, 2}});

    // With room again, the same command completes.
    REQUIRE(run_command(kBinary + " ingest --quiet --store " + store + " " + large).exit_code == 0);
    check_batches_whole(store);
    CHECK(document_count(store) == rows(20000) + 2);
}

TEST_CASE("a read-only store: a clear error, nothing changed") {
    TempDir dir;
    const std::string store = dir.path("store");
    const std::string first = dir.write("first.csv", "id,text\n1,Kept as it was.\n");
    const std::string second = dir.write("second.csv", "id,text\n2,Never written.\n");
    REQUIRE(run_command(kBinary + " ingest --quiet --store " + store + " " + first).exit_code == 0);
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all | std::filesystem::perms::others_exec);
    for (const auto& entry : std::filesystem::directory_iterator(store)) std::filesystem::permissions(entry, std::filesystem::perms::owner_read);
    std::filesystem::permissions(store, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    // root may write anything, so as root the store is handed to an ordinary
    // user (nobody) and the ingest runs as that user.
    std::string as_owner;
    if (::geteuid() == 0) {
        REQUIRE(run_command("chown -R nobody " + store + " && chmod o+r " + second).exit_code == 0);
        as_owner = "setpriv --reuid=nobody --regid=nogroup --clear-groups ";
    }
    auto refused = run_command(as_owner + kBinary + " ingest --quiet --store " + store + " " + second);
    CHECK(refused.exit_code == 1);
    CHECK(refused.output == "yousaid: " + store + ": the store cannot be written here (Permission denied); nothing was changed\n");
    CHECK(run_command(as_owner + kBinary + " search --count --store " + store + " ''").output == "1\n");
    std::filesystem::permissions(store, std::filesystem::perms::owner_all);
}
