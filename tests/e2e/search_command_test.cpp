// yousaid search through the built binary, on the sample corpus: counting,
// paging, date order, CSV, responses like one, spelling, attribute and date
// filters, and several stores searched as one.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

using yousaid::testing::run_command;
using yousaid::testing::TempDir;

namespace {

const std::string kSource = YOUSAID_SOURCE_DIR;
const std::string kBinary = YOUSAID_BINARY;

struct Stores {
    TempDir dir;
    std::string online = dir.path("online"), telephone = dir.path("telephone");

    Stores() {
        for (const auto& [store, file] : {std::pair{online, "online-survey-june-2014.csv"},
                                          std::pair{telephone, "telephone-survey-july-2014.csv"}}) {
            REQUIRE(run_command(kBinary + " ingest --quiet --store " + store + " --codebook " + kSource +
                                "/corpus/codebook.txt " + kSource + "/corpus/responses/" + file).exit_code == 0);
        }
    }
    std::string search(const std::string& arguments) const {
        auto r = run_command(kBinary + " search --store " + online + " " + arguments);
        REQUIRE(r.exit_code == 0);
        return r.output;
    }
};

int count(const std::string& output) { return std::stoi(output); }

}  // namespace

TEST_CASE("count, pages and date order agree with one another") {
    Stores s;
    const int all = count(s.search("--count bus"));
    CHECK(all > 10);
    auto page = [&](const std::string& extra) {
        nlohmann::json j = nlohmann::json::parse(s.search("--format json --sort oldest " + extra + " bus"));
        CHECK(j["total"].get<int>() == all);
        std::vector<std::string> dates;
        for (const auto& h : j["hits"]) dates.push_back(h["date"].get<std::string>());
        return dates;
    };
    std::vector<std::string> first = page("--limit 10"), second = page("--limit 10 --offset 10");
    CHECK(std::is_sorted(first.begin(), first.end()));
    REQUIRE(!second.empty());
    CHECK(first.back() <= second.front());
    nlohmann::json facets = nlohmann::json::parse(s.search("--format json --limit 0 bus"))["facets"];
    CHECK(facets["channel"]["Online survey"].get<int>() == all);
    CHECK(facets["event"]["Online survey"].get<int>() == all);
}

TEST_CASE("attribute and date filters, and a spelling suggestion") {
    Stores s;
    const int carers = count(s.search("--count carer:yes"));
    const int not_carers = count(s.search("--count carer:no"));
    CHECK(carers > 0);
    CHECK(carers + not_carers <= count(s.search("--count date:2014")));
    CHECK(count(s.search("--count date:2014-06-01..2014-06-30")) == count(s.search("--count date:2014-06")));
    CHECK(count(s.search("--count date:2015")) == 0);
    CHECK(s.search("--limit 1 transprt").find("Did you mean: transport") != std::string::npos);
    auto bad = run_command(kBinary + " search --store " + s.online + " 'date:2014-13-01'");
    CHECK(bad.exit_code == 1);
    CHECK(bad.output.find("there is no month 13") != std::string::npos);
}

TEST_CASE("CSV is safe to open in a spreadsheet; responses like one leave it out") {
    Stores s;
    const std::string csv = s.search("--format csv --limit 3 bus");
    CHECK(csv.rfind("id,event,channel,date,question,snippet,themes,groups,polarity,percent\r\n", 0) == 0);
    nlohmann::json one = nlohmann::json::parse(s.search("--format json --limit 1 bus"));
    const std::string id = one["hits"][0]["id"];
    nlohmann::json like = nlohmann::json::parse(s.search("--format json --limit 5 --similar " + id));
    REQUIRE(like["hits"].size() == 5);
    for (const auto& h : like["hits"]) CHECK(h["id"].get<std::string>() != id);
}

TEST_CASE("--store repeated searches several stores as one") {
    Stores s;
    auto one = [&](const std::string& store) {
        return count(run_command(kBinary + " search --count --store " + store + " bus").output);
    };
    auto both = run_command(kBinary + " search --count --store " + s.online + " --store " + s.telephone + " bus");
    REQUIRE(both.exit_code == 0);
    CHECK(count(both.output) == one(s.online) + one(s.telephone));
    const std::string stub = s.dir.write("both.stub", "auto online\nauto telephone\n");
    CHECK(count(run_command(kBinary + " search --count --store " + stub + " bus").output) == count(both.output));
}
