// Manual coding through the built binary: yousaid code (one response, and in
// bulk with --from), re-tagging that keeps the analyst's codes, and yousaid audit.
#include <doctest/doctest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

using yousaid::testing::run_command;
using yousaid::testing::TempDir;

namespace {

const std::string kSource = YOUSAID_SOURCE_DIR;
const std::string kBinary = YOUSAID_BINARY;
const std::string kCodebook = kSource + "/corpus/codebook.txt";

struct Store {
    TempDir dir;
    std::string path = dir.path("store");

    Store() {
        auto ingest = run_command(kBinary + " ingest --quiet --store " + path + " --codebook " + kCodebook + " " +
                                  kSource + "/corpus/responses/telephone-survey-july-2014.csv");
        REQUIRE(ingest.exit_code == 0);
    }
    yousaid::testing::CommandResult run(const std::string& arguments) const {
        return run_command(kBinary + " " + arguments + " --store " + path);
    }
    // The ids of the responses a search finds.
    std::set<std::string> ids(const std::string& query) const {
        auto result = run("search --format json --limit 100000 '" + query + "'");
        std::set<std::string> out;
        nlohmann::json found = nlohmann::json::parse(result.output);
        for (const auto& hit : found.at("hits")) out.insert(hit.at("id").get<std::string>());
        return out;
    }
};

}  // namespace

TEST_CASE("yousaid code changes one response's codes; re-tagging keeps them; yousaid audit shows the change") {
    Store store;
    std::set<std::string> transport = store.ids("theme:transport-rural");
    REQUIRE(!transport.empty());
    std::string id = *transport.begin();

    // "-hospital-discharge" is a change, not the -h of help.
    auto code = store.run("code " + id + " -transport-rural +carers -hospital-discharge --user tester --note " +
                          "'=HYPERLINK(\"x\")'");
    CHECK(code.exit_code == 0);
    // A removal counts whether or not the response had the theme: it bars the rule from adding it.
    CHECK(code.output == "coded 1 response: 1 added, 2 removed\n");
    CHECK(store.ids("theme:transport-rural").count(id) == 0);
    CHECK(store.ids("theme:carers").count(id) == 1);

    auto tag = store.run("tag --codebook " + kCodebook);
    CHECK(tag.exit_code == 0);
    CHECK(store.ids("theme:transport-rural").count(id) == 0);
    CHECK(store.ids("theme:carers").count(id) == 1);
    CHECK(store.ids("theme:transport-rural").size() == transport.size() - 1);

    auto json = store.run("audit --format json");
    REQUIRE(json.exit_code == 0);
    auto entries = nlohmann::json::parse(json.output).at("entries");
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].at("user") == "tester");
    CHECK(entries[0].at("response") == id);
    // JSON, like CSV, neutralises a note that would start a formula.
    CHECK(entries[0].at("note") == "'=HYPERLINK(\"x\")");
    CHECK(entries[0].at("before").at("themes").dump().find("{\"confidence\":1.0,\"id\":\"transport-rural\","
                                                           "\"source\":\"rule\"}") != std::string::npos);
    CHECK(entries[0].at("after").at("themes").dump().find("{\"confidence\":1.0,\"id\":\"carers\","
                                                          "\"source\":\"manual\"}") != std::string::npos);
    CHECK(entries[0].at("after").at("removed_themes") ==
          nlohmann::json::array({"transport-rural", "hospital-discharge"}));

    auto csv = store.run("audit --format csv --response " + id);
    CHECK(csv.output.rfind("sequence,time,user,response,themes_before,themes_after,groups_before,groups_after,note\r\n"
                           "1,",
                           0) == 0);
    // A note that would start a formula is neutralised for spreadsheets.
    CHECK(csv.output.find(",tester," + id + ",") != std::string::npos);
    CHECK(csv.output.find(",\"'=HYPERLINK(\"\"x\"\")\"\r\n") != std::string::npos);
    auto text = store.run("audit");
    CHECK(text.output.find("#1  ") == 0);
    CHECK(text.output.find("  tester  " + id + "\n") != std::string::npos);
    CHECK(text.output.find("\n1 audit entry\n") != std::string::npos);
    CHECK(store.run("audit --response nobody").output == "0 audit entries\n");
}

TEST_CASE("yousaid code refuses an unknown response or theme, and a bad bulk file, changing nothing") {
    Store store;
    std::set<std::string> transport = store.ids("theme:transport-rural");
    REQUIRE(!transport.empty());
    std::string id = *transport.begin();

    auto theme = store.run("code " + id + " -transport-rural +jargon-overlaod");
    CHECK(theme.exit_code == 1);
    CHECK(theme.output ==
          "yousaid: unknown theme \"jargon-overlaod\": not in the store's codebook; close matches: jargon-overload\n"
          "yousaid: nothing coded\n");
    auto response = store.run("code telephone-survey-NOPE +carers");
    CHECK(response.exit_code == 1);
    CHECK(response.output ==
          "yousaid: no response \"telephone-survey-NOPE\" in the store (yousaid search prints ids)\n"
          "yousaid: nothing coded\n");
    CHECK(store.run("code " + id + " carers").exit_code == 2);
    CHECK(store.run("code " + id).exit_code == 2);

    std::string bad = store.dir.write("bad.csv", "id,add,remove\n" + id + ",carers,\ntelephone-survey-NOPE,carers,\n");
    auto bulk = store.run("code --from " + bad);
    CHECK(bulk.exit_code == 1);
    CHECK(bulk.output == bad + ":3:1: error: no response \"telephone-survey-NOPE\" in the store (yousaid search "
                               "prints ids)\n"
                               "    telephone-survey-NOPE,carers,\n"
                               "    ^\n"
                               "yousaid: nothing coded: " + bad + " has errors\n");
    CHECK(store.ids("theme:transport-rural").count(id) == 1);
    CHECK(store.ids("theme:carers").count(id) == 0);
    CHECK(store.run("audit").output == "0 audit entries\n");
}

TEST_CASE("yousaid code --from codes in bulk, with the user from $USER") {
    Store store;
    std::set<std::string> transport = store.ids("theme:transport-rural");
    REQUIRE(transport.size() >= 2);
    std::string first = *transport.begin(), second = *std::next(transport.begin());
    std::string good = store.dir.write("coding.csv", "id,add,remove,note\r\n" + first +
                                                         ",carers;group:carers-group,transport-rural,rechecked\r\n" +
                                                         second + ",,transport-rural;group:older-isolated,\r\n");
    auto bulk = run_command("USER=envuser " + kBinary + " code --from " + good + " --store " + store.path);
    CHECK(bulk.exit_code == 0);
    CHECK(bulk.output == "coded 2 responses: 2 added, 3 removed\n");
    CHECK(store.ids("theme:transport-rural").size() == transport.size() - 2);
    CHECK(store.ids("group:carers-group").count(first) == 1);
    auto entries = nlohmann::json::parse(store.run("audit --format json").output).at("entries");
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].at("user") == "envuser");
    CHECK(entries[0].at("note") == "rechecked");
    CHECK(entries[1].at("response") == second);
}
