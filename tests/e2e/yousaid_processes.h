#pragma once
// The built yousaid binary as a child process, for the fault and load tests:
// start it with its output to a log, wait for it, and check what the store
// then says (batches whole or absent).
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/e2e/batch_files.h"

namespace yousaid::testing {

inline const std::string kBinary = YOUSAID_BINARY;
inline const std::string kCodebook = std::string(YOUSAID_SOURCE_DIR) + "/corpus/codebook.txt";

// Starts `yousaid ARGS...` with its output going to `log`; returns its pid.
inline pid_t start(const std::vector<std::string>& args, const std::string& log) {
    std::fflush(nullptr);  // or the child's freopen writes the test's pending output again
    pid_t child = ::fork();
    if (child == 0) {
        std::freopen(log.c_str(), "w", stdout);
        ::dup2(::fileno(stdout), STDERR_FILENO);
        std::vector<char*> argv{const_cast<char*>(kBinary.c_str())};
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(kBinary.c_str(), argv.data());
        ::_exit(127);
    }
    return child;
}

// The exit code, or -signal when a signal ended it.
inline int finish(pid_t child) {
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

inline std::vector<std::string> ingest_args(const std::string& store, const std::vector<std::string>& files) {
    std::vector<std::string> args{"ingest", "--quiet", "--store", store, "--codebook", kCodebook};
    args.insert(args.end(), files.begin(), files.end());
    return args;
}

inline std::string run(const std::string& arguments) { return run_command(kBinary + " " + arguments).output; }

// file -> accepted, for every batch the store lists.
inline std::map<std::string, long> accepted_by_file(const std::string& store) {
    std::map<std::string, long> out;
    for (const auto& batch : nlohmann::json::parse(run("batches --format json --store " + store))) {
        out[batch["file"]] = batch["accepted"];
    }
    return out;
}

// Every batch the store lists holds exactly the responses it accepted, and
// nothing else is in the store: each batch is there whole or not at all.
inline void check_batches_whole(const std::string& store) {
    long listed = 0;
    for (const auto& batch : nlohmann::json::parse(run("batches --format json --store " + store))) {
        const long accepted = batch["accepted"];
        CHECK(std::stol(run("search --count --store " + store + " batch:" + batch["id"].get<std::string>())) == accepted);
        listed += accepted;
    }
    CHECK(document_count(store) == listed);
}


}  // namespace yousaid::testing
