#include <doctest/doctest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "analysis/batch_ingest.h"
#include "analysis/population_file.h"
#include "analysis/reach.h"
#include "analysis/store.h"
#include "ingest/map_file.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

// 100 respondents, rows 0-49 online and 50-99 by telephone:
//   young (age 18-24):  rows 0-1    ->  2 respondents, each answering both questions (4 responses)
//   older (age 75+):    rows 2-31   -> 30
//   carers (carer yes): rows 40-64  -> 25 (rows 40-49 online: 10; rows 50-64 by telephone: 15)
// Everyone else answers the first question only: 102 responses from 100 respondents.
std::string survey() {
    std::string csv = "ID,Channel,Age,Carer,What works well?,What could be better?\n";
    for (int i = 0; i < 100; ++i) {
        std::string age = i < 2 ? "18-24" : i < 32 ? "75+" : "45-54";
        std::string carer = i >= 40 && i < 65 ? "yes" : "no";
        csv += "R" + std::to_string(i) + "," + (i < 50 ? "Online" : "Telephone") + "," + age + "," + carer +
               ",Answer number " + std::to_string(i) + "," + (i < 2 ? "More buses" : "") + "\n";
    }
    return csv;
}

const char* kMap =
    "id: ID\ntext: What works well?\ntext: What could be better?\nchannel: Channel\nevent = Survey\n"
    "attribute age_band: Age\nattribute carer: Carer\n";

const char* kCodebook =
    "codebook: test\nversion: 1\n\n"
    "theme transport\n  title: Transport\n  rule: bus\n\n"
    "group young\n  title: Younger people\n  when: age_band = 18-24\n\n"
    "group older\n  title: Older people\n  when: age_band = 75+\n\n"
    "group carers\n  title: Carers\n  when: carer = yes\n\n"
    "group lgbt\n  title: LGBT people\n  when: sexual_orientation = gay\n";

// A fraction, a percentage, a group the codebook does not have; lgbt has no figure.
const char* kPopulation =
    "group,population_share,note\n"
    "young,0.2,approximate: test figures\n"
    "older,30%,approximate: test figures\n"
    "carers,0.1,approximate: test figures\n"
    "unknown,0.05,approximate: test figures\n";

struct Store {
    TempDir dir;
    std::string path = dir.path("store");
    std::map<std::string, PopulationShare> population;
    Store() {
        MapFileParse map = parse_map_file(kMap, "survey.map");
        REQUIRE(map.errors.empty());
        Xapian::WritableDatabase db = open_store_for_writing(path);
        CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", db);
        REQUIRE(load.compiled);
        IngestOptions options;
        options.codebook = &*load.compiled;
        options.input.map = &map.map;
        BatchResult result = ingest_file(db, dir.write("survey.csv", survey()), options);
        REQUIRE(result.record.counts_line() == "read 102, accepted 102, rejected 0, unchanged 0");
        PopulationRead read = read_population(dir.write("population.csv", kPopulation));
        REQUIRE(read.errors.empty());
        population = read.by_group;
    }
};

const GroupReach& group(const ReachSection& s, const std::string& id) {
    for (const GroupReach& g : s.groups) {
        if (g.id == id) return g;
    }
    FAIL("no group " << id);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("reach: respondents per group against population shares, index and chi-square by hand") {
    Store store;
    Xapian::Database db(store.path);
    Reach reach = measure_reach(db, store.population);
    REQUIRE(reach.sections.size() == 1);
    const ReachSection& all = reach.sections[0];
    CHECK(all.label == "All respondents");
    CHECK(all.respondents == 100);  // people, not the 102 responses

    // Younger people: 2 of 100 respondents against 20%.
    //   index = 2% / 20% = 0.1
    //   observed (in, not in) = (2, 98); expected = (20, 80)
    //   chi-square = (2 - 20)^2 / 20 + (98 - 80)^2 / 80 = 16.2 + 4.05 = 20.25, df 1
    //   p = erfc(sqrt(20.25 / 2)) = 6.79535e-6
    const GroupReach& young = group(all, "young");
    CHECK(young.title == "Younger people");
    CHECK(young.respondents == 2);
    CHECK(young.sample_share == doctest::Approx(2.0));
    CHECK(*young.population_share == doctest::Approx(20.0));
    CHECK(*young.index == doctest::Approx(0.1));
    CHECK(young.expected == doctest::Approx(20.0));
    REQUIRE(young.test);
    CHECK(young.test->statistic == doctest::Approx(20.25));
    CHECK(young.test->df == 1);
    CHECK(young.test->p == doctest::Approx(6.79535e-6).epsilon(1e-4));

    // Carers: 25 of 100 against 10%: expected (10, 90);
    //   chi-square = 15^2 / 10 + 15^2 / 90 = 22.5 + 2.5 = 25, p = erfc(sqrt(12.5)) = 5.73303e-7; index 2.5
    const GroupReach& carers = group(all, "carers");
    CHECK(carers.respondents == 25);
    CHECK(*carers.index == doctest::Approx(2.5));
    CHECK(carers.test->statistic == doctest::Approx(25.0));
    CHECK(carers.test->p == doctest::Approx(5.73303e-7).epsilon(1e-4));

    // Older people: 30 of 100 against 30%: index 1, chi-square 0, p 1.
    const GroupReach& older = group(all, "older");
    CHECK(*older.index == doctest::Approx(1.0));
    CHECK(older.test->statistic == doctest::Approx(0.0));
    CHECK(older.test->p == doctest::Approx(1.0));

    // Benjamini-Hochberg over the three: sorted p (carers, young, older), p * 3 / rank:
    //   carers 5.73303e-7 * 3 = 1.71991e-6; young 6.79535e-6 * 3 / 2 = 1.01930e-5; older 1 * 3 / 3 = 1
    CHECK(carers.adjusted_p == doctest::Approx(1.71991e-6).epsilon(1e-4));
    CHECK(young.adjusted_p == doctest::Approx(1.01930e-5).epsilon(1e-4));
    CHECK(older.adjusted_p == doctest::Approx(1.0));
    CHECK(young.flag == -1);
    CHECK(carers.flag == 1);
    CHECK(older.flag == 0);

    // Most under-represented first; the group with no population figure last, untested.
    REQUIRE(all.groups.size() == 4);
    CHECK(all.groups[0].id == "young");
    CHECK(all.groups[1].id == "older");
    CHECK(all.groups[2].id == "carers");
    CHECK(all.groups[3].id == "lgbt");
    CHECK(!all.groups[3].population_share);
    CHECK(!all.groups[3].index);
    CHECK(!all.groups[3].test);

    // Overall: memberships (2, 30, 25) = 57 against shares (20, 30, 10) rescaled to (1/3, 1/2, 1/6):
    //   expected (19, 28.5, 9.5); chi-square = 17^2/19 + 1.5^2/28.5 + 15.5^2/9.5
    //   = 15.21053 + 0.07895 + 25.28947 = 40.57895, df 2, p = exp(-40.57895 / 2) = 1.54310e-9
    CHECK(all.memberships == doctest::Approx(57));
    REQUIRE(all.overall);
    CHECK(all.overall->statistic == doctest::Approx(40.57895).epsilon(1e-6));
    CHECK(all.overall->df == 2);
    CHECK(all.overall->p == doctest::Approx(1.54310e-9).epsilon(1e-4));

    CHECK(reach.not_in_codebook == std::vector<std::string>{"unknown"});
    CHECK(young.population_note == "approximate: test figures");
}

TEST_CASE("reach --by channel: the same for each channel") {
    Store store;
    Xapian::Database db(store.path);
    ReachOptions options;
    options.by = ReachBreakdown::channel;
    Reach reach = measure_reach(db, store.population, options);
    REQUIRE(reach.sections.size() == 3);
    CHECK(reach.sections[0].respondents == 100);
    const ReachSection& online = reach.sections[1];
    CHECK(online.label == "Online");
    CHECK(online.respondents == 50);
    // Younger people online: 2 of 50 against 20%: expected (10, 40);
    //   chi-square = 8^2/10 + 8^2/40 = 6.4 + 1.6 = 8, p = erfc(sqrt(4)) = 0.00467773
    const GroupReach& young = group(online, "young");
    CHECK(young.respondents == 2);
    CHECK(*young.index == doctest::Approx(0.2));
    CHECK(young.test->statistic == doctest::Approx(8.0));
    CHECK(young.test->p == doctest::Approx(0.00467773).epsilon(1e-4));
    CHECK(group(online, "carers").respondents == 10);
    const ReachSection& telephone = reach.sections[2];
    CHECK(telephone.label == "Telephone");
    CHECK(telephone.respondents == 50);
    CHECK(group(telephone, "young").respondents == 0);
    CHECK(group(telephone, "carers").respondents == 15);
    CHECK(*group(telephone, "carers").index == doctest::Approx(3.0));  // 30% / 10%
}

TEST_CASE("reach: text and JSON output") {
    Store store;
    Xapian::Database db(store.path);
    Reach reach = measure_reach(db, store.population);
    std::string text = reach_text(reach);
    CHECK(text.find("All respondents: 100 respondents\n"
                    "Group           Respondents  Sample  Population  Index  Chi-square       p  Adj. p\n"
                    "Younger people            2    2.0%       20.0%   0.10       20.25  <0.001  <0.001  "
                    "under-represented\n"
                    "Older people             30   30.0%       30.0%   1.00        0.00   1.000   1.000\n"
                    "Carers                   25   25.0%       10.0%   2.50       25.00  <0.001  <0.001  "
                    "over-represented\n"
                    "LGBT people               0    0.0%           –      –           –       –       –\n"
                    "Overall, group memberships (57) against population shares: chi-square 40.58, df 2, "
                    "p < 0.001\n") != std::string::npos);
    CHECK(text.find("The population file's group \"unknown\" is not in the codebook.") != std::string::npos);

    nlohmann::json json = nlohmann::json::parse(reach_json(reach));
    const nlohmann::json& young = json["sections"][0]["groups"][0];
    CHECK(young["id"] == "young");
    CHECK(young["respondents"] == 2);
    CHECK(young["index"].get<double>() == doctest::Approx(0.1));
    CHECK(young["chi_square"].get<double>() == doctest::Approx(20.25));
    CHECK(young["flag"] == "under-represented");
    CHECK(json["sections"][0]["groups"][3]["index"].is_null());
    CHECK(json["sections"][0]["overall"]["df"] == 2);
}
