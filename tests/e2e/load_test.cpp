// Load, through the built binary: two writers at once, and ten searches while
// an ingest commits batch after batch. Each test says what must hold afterwards.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "tests/e2e/batch_files.h"
#include "tests/e2e/yousaid_processes.h"

using namespace yousaid::testing;

TEST_CASE("two ingests into one store at once: the second waits its turn, and both land whole") {
    TempDir dir;
    const std::string store = dir.path("store");
    const std::string a = write_batch(dir, "a.csv", rows(15000), 3, "A");
    const std::string b = write_batch(dir, "b.csv", 200, 5, "B");
    const pid_t first = start({"ingest", "--quiet", "--store", store, a}, dir.path("a.log"));
    // The second starts once the first holds the store's lock.
    for (int i = 0; i < 200 && !std::filesystem::exists(dir.path("store/flintlock")); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const pid_t second = start({"ingest", "--quiet", "--store", store, b}, dir.path("b.log"));
    CHECK(finish(second) == 0);
    CHECK(finish(first) == 0);
    const std::string waited = yousaid::testing::read_file(dir.path("b.log"));
    CHECK(waited.find("yousaid: " + store + ": another yousaid process is writing to this store; waiting for it to finish\n") == 0);
    check_batches_whole(store);
    CHECK(accepted_by_file(store) == std::map<std::string, long>{{a, rows(15000)}, {b, 200}});
}

TEST_CASE("ten searches at once while an ingest commits batch after batch: every one answers") {
    TempDir dir;
    const std::string store = dir.path("store");
    REQUIRE(run_command(kBinary + " ingest --quiet --store " + store + " " + write_batch(dir, "base.csv", rows(4000))).exit_code == 0);
    std::vector<std::string> more;
    for (unsigned k = 0; k < 8; ++k) {
        more.push_back(write_batch(dir, "more" + std::to_string(k) + ".csv", rows(500), 100 + k, "M" + std::to_string(k) + "-"));
    }
    const pid_t writer = start(ingest_args(store, more), dir.path("writer.log"));

    // Each searcher asks its query again and again until the writer is done.
    const std::vector<std::string> queries{"bus",     "\"waiting nurse\"", "transport NEAR village", "age:65-74 doctor",
                                           "surg*",   "carer OR leaflet",  "hospital -weekend",      "theme:transport",
                                           "jargon",  "discharge AND appointment"};
    std::vector<pid_t> searchers;
    for (std::size_t s = 0; s < queries.size(); ++s) {
        const std::string script = "while kill -0 " + std::to_string(writer) + " 2>/dev/null; do " + kBinary +
                                   " search --limit 5 --format json --store " + store + " '" + queries[s] +
                                   "' > /dev/null || exit 1; n=$((n+1)); done; echo $n";
        std::fflush(nullptr);
        pid_t child = ::fork();
        if (child == 0) {
            std::freopen(dir.path("searcher" + std::to_string(s) + ".log").c_str(), "w", stdout);
            ::dup2(::fileno(stdout), STDERR_FILENO);
            ::execl("/bin/sh", "sh", "-c", ("n=0; " + script).c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        searchers.push_back(child);
    }
    CHECK(finish(writer) == 0);
    long searches = 0;
    for (std::size_t s = 0; s < searchers.size(); ++s) {
        CAPTURE(yousaid::testing::read_file(dir.path("searcher" + std::to_string(s) + ".log")));
        CHECK(finish(searchers[s]) == 0);
        searches += std::atol(yousaid::testing::read_file(dir.path("searcher" + std::to_string(s) + ".log")).c_str());
    }
    MESSAGE(searches << " searches answered while 8 batches were committed");
    CHECK(searches >= 10);
    check_batches_whole(store);
    CHECK(document_count(store) == rows(4000) + 8 * rows(500));
}
