// Templates and codebooks cannot make yousaid read a file it was not given:
// neither language has a way to name one, and what looks like a path in them is
// refused or kept as words. Checked with strace: the file next door is never
// opened, looked at or listed, whatever the template or codebook says.
#include <doctest/doctest.h>

#include "tests/test_support.h"

using yousaid::testing::read_file;
using yousaid::testing::run_command;
using yousaid::testing::TempDir;

namespace {

const std::string kSource = YOUSAID_SOURCE_DIR;
const std::string kBinary = YOUSAID_BINARY;

// Runs `arguments` under strace, following children, tracing every system call
// that takes a file name; returns the command's output and the trace.
struct Traced {
    yousaid::testing::CommandResult result;
    std::string trace;
};

Traced traced(const TempDir& dir, const std::string& arguments) {
    const std::string trace = dir.path("trace.txt");
    Traced t;
    // LeakSanitizer cannot run under ptrace; the sanitized build checks leaks everywhere else.
    t.result = run_command("ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=%file -o " + trace + " " + kBinary + " " +
                           arguments);
    t.trace = read_file(trace);
    return t;
}

// A store of the sample corpus's telephone survey, coded with the corpus codebook.
std::string small_store(const TempDir& dir) {
    const std::string store = dir.path("store");
    REQUIRE(run_command(kBinary + " ingest --quiet --store " + store + " --codebook " + kSource + "/corpus/codebook.txt " +
                        kSource + "/corpus/responses/telephone-survey-july-2014.csv")
                .exit_code == 0);
    return store;
}

}  // namespace

TEST_CASE("a template cannot read a file: path-like blocks and placeholders are refused, paths in text stay text") {
    TempDir dir;
    dir.write("secret.txt", "TOP SECRET\n");
    const std::string store = small_store(dir);
    const std::string report = " --store " + store + " --actions " + kSource + "/corpus/actions.csv --out " +
                               dir.path("r.pdf") + " --template ";

    const std::string bad = dir.write("tmpl/bad.tmpl",
                                      "title: {{../secret.txt}}\n"
                                      "logo: ../secret.txt\n"
                                      "section: One\n"
                                      "[include ../secret.txt]\n"
                                      "[image " + dir.path("secret.txt") + "]\n"
                                      "{{file:" + dir.path("secret.txt") + "}}\n");
    Traced refused = traced(dir, "report" + report + bad);
    CHECK(refused.result.exit_code == 1);
    for (const char* at : {":1:8: error: placeholder", ":2:1: error: unknown cover field \"logo\"", ":4:10: error:",
                           ":5:8: error:", ":6:1: error: placeholder"}) {
        CHECK(refused.result.output.find(bad + at) != std::string::npos);
    }
    CHECK(refused.trace.find("secret") == std::string::npos);

    const std::string good = dir.write("tmpl/good.tmpl",
                                       "title: Paths are words\n"
                                       "section: One\n"
                                       "The notes are in ../secret.txt and " + dir.path("secret.txt") + ".\n"
                                       "[themes]\n");
    Traced written = traced(dir, "report" + report + good);
    CHECK(written.result.exit_code == 0);
    CHECK(written.trace.find("secret") == std::string::npos);
    const std::string text = run_command("pdftotext " + dir.path("r.pdf") + " -").output;
    CHECK(text.find("../secret.txt") != std::string::npos);
    CHECK(text.find("TOP SECRET") == std::string::npos);
}

TEST_CASE("a codebook cannot read a file: paths in rules, titles and synonyms are words") {
    TempDir dir;
    dir.write("secret.txt", "TOP SECRET\n");
    const std::string codebook = dir.write("codes/codebook.txt",
                                           "synonyms: ../secret.txt, " + dir.path("secret.txt") + "\n"
                                           "theme paths\n"
                                           "  title: " + dir.path("secret.txt") + "\n"
                                           "  rule: \"../secret.txt\" OR secret\n");
    const std::string responses = dir.write("in/a.csv", "id,text\n1,Read ../secret.txt please\n2,Nothing here\n");
    Traced ingest = traced(dir, "ingest --store " + dir.path("store") + " --codebook " + codebook + " " + responses);
    CHECK(ingest.result.exit_code == 0);
    CHECK(ingest.trace.find("secret") == std::string::npos);
    CHECK(run_command(kBinary + " search --count --store " + dir.path("store") + " theme:paths").output == "1\n");
}
