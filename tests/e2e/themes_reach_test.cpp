// Runs the built yousaid binary's themes and reach commands on a store built
// from corpus/ as `make demo` builds it, and checks what an analyst sees.
#include <doctest/doctest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

using yousaid::testing::run_command;
using yousaid::testing::TempDir;

namespace {

const std::string kSource = YOUSAID_SOURCE_DIR;
const std::string kBinary = YOUSAID_BINARY;

// One store for the whole file: ingesting the corpus is the expensive part.
struct DemoStore {
    TempDir dir;
    std::string store = dir.path("demo.db");
    yousaid::testing::CommandResult ingest;
    DemoStore() {
        ingest = run_command(kBinary + " ingest --quiet --store " + store + " --codebook " + kSource +
                             "/corpus/codebook.txt " + kSource + "/corpus/responses/*.csv " + kSource +
                             "/corpus/panels/*.txt");
    }
    yousaid::testing::CommandResult run(const std::string& arguments) const {
        return run_command(kBinary + " " + arguments + " --store " + store);
    }
    nlohmann::json json(const std::string& arguments) const {
        yousaid::testing::CommandResult r = run(arguments + " --format json");
        REQUIRE(r.exit_code == 0);
        return nlohmann::json::parse(r.output);
    }
};

const DemoStore& demo() {
    static DemoStore d;
    return d;
}

std::string population() { return kSource + "/corpus/population.csv"; }

}  // namespace

TEST_CASE("themes on the corpus: counts agree with search, shares with counts, and what no theme caught") {
    const DemoStore& d = demo();
    REQUIRE(d.ingest.exit_code == 0);
    nlohmann::json themes = d.json("themes");
    REQUIRE(themes["themes"].size() >= 10);
    long total = themes["responses"];
    CHECK(themes["themes"][0]["id"] == "closer-to-home");  // codebook order
    for (const auto& t : themes["themes"]) {
        CAPTURE(t["id"]);
        CHECK(t["share"].get<double>() == doctest::Approx(100.0 * t["responses"].get<long>() / total));
        CHECK(t["respondents"].get<long>() <= t["responses"].get<long>());
        CHECK(t["words"].size() == 8);
        CHECK(t["examples"].size() == 3);
    }
    CHECK(themes["untagged"]["responses"].get<long>() > 0);
    CHECK(themes["untagged"]["sample"].size() == 5);
    CHECK(themes["campaigns"]["counted_once"] == true);

    // Counting every member, a theme's responses are what a search for it finds.
    nlohmann::json every = d.json("themes --every-member");
    for (const auto& t : every["themes"]) {
        nlohmann::json found = nlohmann::json::parse(
            d.run("search --format json --limit 1 'theme:" + t["id"].get<std::string>() + "'").output);
        CHECK(found["total"] == t["responses"]);
    }
    // The campaign counts once by default.
    CHECK(every["responses"].get<long>() > total);

    // Transport's distinguishing words include a place the rule does not name, not the rule's words.
    for (const auto& t : themes["themes"]) {
        if (t["id"] != "transport-rural") continue;
        std::vector<std::string> words;
        for (const auto& w : t["words"]) words.push_back(w["word"]);
        CHECK(std::find(words.begin(), words.end(), "macclesfield") != words.end());
        CHECK(std::find(words.begin(), words.end(), "bus") == words.end());
    }
}

TEST_CASE("themes text and --by: aligned for an analyst") {
    const DemoStore& d = demo();
    yousaid::testing::CommandResult text = d.run("themes");
    CHECK(text.exit_code == 0);
    CHECK(text.output.find("Theme                                      Responses   Share  Respondents\n") !=
          std::string::npos);
    CHECK(text.output.find("Care closer to home (closer-to-home)\n") != std::string::npos);
    CHECK(text.output.find("  Distinguishing words: ") != std::string::npos);
    CHECK(text.output.find("; a sample, to see what the codebook misses:\n") != std::string::npos);
    CHECK(text.output.find("Campaigns counted once: 1 campaign with 30 responses") != std::string::npos);
    // No redacted personal data in any snippet (the corpus has phone numbers and emails).
    CHECK(text.output.find("@") == std::string::npos);

    nlohmann::json by = d.json("themes --by channel");
    CHECK(by["by"] == "channel");
    for (const auto& t : by["themes"]) {
        long sum = 0;
        for (const auto& cell : t["breakdown"]) sum += cell["responses"].get<long>();
        CHECK(sum == t["responses"].get<long>());  // each response has one channel
    }
    CHECK(d.run("themes --by question").output.find("  By question:\n") != std::string::npos);
    CHECK(d.run("themes --by group").exit_code == 2);
}

TEST_CASE("reach on the corpus: index is sample over population share, lowest first, flagged") {
    const DemoStore& d = demo();
    nlohmann::json themes = d.json("themes");
    nlohmann::json reach = d.json("reach --population " + population());
    REQUIRE(reach["sections"].size() == 1);
    const nlohmann::json& all = reach["sections"][0];
    CHECK(all["respondents"] == themes["respondents"]);
    // Every group of corpus/population.csv has a figure; codebook groups without one come last, untested.
    std::size_t with_figure = 0;
    bool figures_ended = false;
    double previous = 0;
    for (const auto& g : all["groups"]) {
        CAPTURE(g["id"]);
        if (g["population_share"].is_null()) {
            figures_ended = true;
            CHECK(g["index"].is_null());
            CHECK(g["p"].is_null());
            continue;
        }
        CHECK(!figures_ended);
        ++with_figure;
        double index = g["index"];
        CHECK(index >= previous);
        previous = index;
        CHECK(index == doctest::Approx(g["sample_share"].get<double>() / g["population_share"].get<double>()));
        CHECK(g["df"] == 1);
        if (g["adjusted_p"].get<double>() < 0.05) CHECK(g["flag"] == (index < 1 ? "under-represented" : "over-represented"));
        else CHECK(g["flag"] == "");
    }
    // Every group of corpus/codebook.txt has a figure in corpus/population.csv.
    CHECK(with_figure == 12);
    CHECK(all["groups"][0]["flag"] == "under-represented");
    CHECK(all["overall"]["df"] == 11);
    // Younger people: 9% of the area's population (corpus/population.csv).
    for (const auto& g : all["groups"]) {
        if (g["id"] == "younger-people") CHECK(g["population_share"].get<double>() == doctest::Approx(9.0));
    }

    yousaid::testing::CommandResult text = d.run("reach --population " + population());
    CHECK(text.exit_code == 0);
    CHECK(text.output.find("All respondents: " + std::to_string(all["respondents"].get<long>()) + " respondents\n") !=
          std::string::npos);
    CHECK(text.output.find("  under-represented\n") != std::string::npos);
    CHECK(text.output.find("Overall, group memberships (") != std::string::npos);
}

TEST_CASE("reach --by event: one table per event, the respondents adding up") {
    const DemoStore& d = demo();
    nlohmann::json reach = d.json("reach --by event --population " + population());
    REQUIRE(reach["sections"].size() > 2);
    long sum = 0;
    for (std::size_t i = 1; i < reach["sections"].size(); ++i) sum += reach["sections"][i]["respondents"].get<long>();
    CHECK(sum == reach["sections"][0]["respondents"].get<long>());  // a respondent is at one event
    CHECK(d.run("reach --by channel --population " + population()).output.find("Telephone: ") != std::string::npos);
}

TEST_CASE("reach: a population file that cannot be read, or none, is refused") {
    const DemoStore& d = demo();
    TempDir dir;
    yousaid::testing::CommandResult missing = d.run("reach --population " + dir.path("none.csv"));
    CHECK(missing.exit_code == 1);
    CHECK(missing.output.find("yousaid: ") == 0);
    std::string bad = dir.write("bad.csv", "group,population_share\nbme,lots\n");
    yousaid::testing::CommandResult refused = d.run("reach --population " + bad);
    CHECK(refused.exit_code == 1);
    CHECK(refused.output == bad + ":2:5: error: population share \"lots\" is not a fraction from 0 to 1 or a "
                                  "percentage such as 4.5%\n    bme,lots\n        ^\n");
    CHECK(d.run("reach").exit_code == 2);
}
