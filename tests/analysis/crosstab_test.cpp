// Cross-tabs on a real store: bases, percentages, significance arrows, small
// and suppressed bases, respondents, attributes, weighting and safe CSV.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "analysis/batch_writer.h"
#include "analysis/crosstab.h"
#include "analysis/crosstab_output.h"
#include "analysis/store.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

struct Rows {
    std::vector<Response> responses;

    // `n` responses with the same channel, event and tags; ids numbered on.
    Rows& add(int n, const std::string& channel, const std::string& event, std::vector<std::string> themes,
              std::vector<std::string> groups = {}, std::map<std::string, std::string> attributes = {},
              const std::string& respondent = "") {
        for (int i = 0; i < n; ++i) {
            Response r;
            r.id = "r" + std::to_string(responses.size() + 1);
            r.batch = "b1";
            r.channel = channel;
            r.event = event;
            r.question = "What could be better?";
            r.original_text = r.redacted_text = "response " + r.id;
            for (const std::string& t : themes) r.themes.push_back({t, "rule", 1.0});
            for (const std::string& g : groups) r.groups.push_back({g, "rule", 1.0});
            r.attributes = attributes;
            r.respondent = respondent;
            responses.push_back(r);
        }
        return *this;
    }
};

struct Store {
    TempDir dir;
    std::string path = dir.path("store");

    explicit Store(const Rows& rows) {
        Xapian::WritableDatabase db = open_store_for_writing(path);
        BatchRecord record;
        record.id = "b1";
        BatchWriter writer(db, record);
        for (const Response& r : rows.responses) writer.put(r);
        writer.commit();
    }
    Xapian::Database db() const { return Xapian::Database(path); }
};

std::size_t column_of(const Crosstab& t, const std::string& label) {
    for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
        if (t.column_labels[c] == label) return c;
    }
    FAIL("no column " << label);
    return 0;
}

std::size_t row_of(const Crosstab& t, const std::string& label) {
    for (std::size_t r = 0; r < t.row_labels.size(); ++r) {
        if (t.row_labels[r] == label) return r;
    }
    FAIL("no row " << label);
    return 0;
}

// Online 100 and Telephone 100: transport 60 against 20 (a real difference),
// staff 30 against 30 (none), waiting 45 against 30 (p = 0.028 unadjusted).
Rows two_channels() {
    Rows rows;
    rows.add(15, "Online", "Survey", {"transport", "waiting"})
        .add(30, "Online", "Survey", {"transport", "waiting", "staff"})
        .add(15, "Online", "Survey", {"transport"})
        .add(40, "Online", "Survey", {})
        .add(20, "Telephone", "Survey", {"transport", "waiting"})
        .add(10, "Telephone", "Survey", {"waiting", "staff"})
        .add(20, "Telephone", "Survey", {"staff"})
        .add(50, "Telephone", "Survey", {});
    return rows;
}

}  // namespace

TEST_CASE("single-coded rows: every column adds to 100%, with its base") {
    Rows rows;
    rows.add(30, "Online", "June survey", {}).add(20, "Telephone", "June survey", {});
    rows.add(10, "Online", "July drop-in", {}).add(25, "Telephone", "July drop-in", {}).add(5, "", "July drop-in", {});
    Store store(rows);
    Crosstab t = crosstab(store.db(), Dimension::channel, Dimension::event);
    REQUIRE(t.column_labels == std::vector<std::string>{"All responses", "June survey", "July drop-in"});
    CHECK(t.bases == std::vector<Xapian::doccount>{90, 50, 40});
    REQUIRE(t.row_labels == std::vector<std::string>{"Telephone", "Online", "(not given)"});
    CHECK(t.counts[0] == std::vector<Xapian::doccount>{45, 20, 25});
    CHECK(t.counts[2] == std::vector<Xapian::doccount>{5, 0, 5});
    for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
        double sum = 0;
        for (std::size_t r = 0; r < t.row_keys.size(); ++r) sum += t.percent(r, c);
        CHECK(sum == doctest::Approx(100.0));
    }
    std::string text = crosstab_text(t);
    CHECK(text.find("Channels by event: responses and column percentages\n") == 0);
    CHECK(text.find("Each response has one channel, so each column adds to 100%.\n") != std::string::npos);
    CHECK(text.find("                   All responses   June survey   July drop-in\n"
                    "Telephone             45  50.0%     20  40.0%↓     25  62.5%↑\n"
                    "Online                40  44.4%     30  60.0%↑     10  25.0%↓\n"
                    "(not given)            5   5.6%      0   0.0%↓      5  12.5%↑\n"
                    "Base (responses)      90            50             40\n") != std::string::npos);
}

TEST_CASE("arrows where a difference is real and none where it is not") {
    Store store(two_channels());
    Crosstab t = crosstab(store.db(), Dimension::theme, Dimension::channel);
    std::size_t online = column_of(t, "Online"), phone = column_of(t, "Telephone");
    std::size_t transport = row_of(t, "transport"), staff = row_of(t, "staff");
    // 60 of 100 against 20 of 100: z = 5.7735 by hand (statistics_test.cpp).
    CHECK(t.tests[transport][online].z == doctest::Approx(5.773503).epsilon(1e-6));
    CHECK(t.tests[transport][online].direction == 1);
    CHECK(t.tests[transport][phone].direction == -1);
    CHECK(t.tests[staff][online].tested);
    CHECK(t.tests[staff][online].direction == 0);
    CHECK(t.tests[staff][phone].direction == 0);
    CHECK_FALSE(t.tests[transport][0].tested);  // the All column is not tested against itself

    std::string text = crosstab_text(t);
    CHECK(text.find("60  60.0%↑") != std::string::npos);
    CHECK(text.find("20  20.0%↓") != std::string::npos);
    CHECK(text.find("30  30.0% ") != std::string::npos);
    CHECK(text.find("\n↑ ↓ significantly higher or lower than in the other columns together (column-proportion z-test):\n"
                    "    p < 0.05 after Benjamini-Hochberg adjustment over the 8 cells tested.\n") != std::string::npos);

    std::string csv = crosstab_csv(t);
    CHECK(csv.rfind("theme,channel,count,base,column_percent,row_percent,z,p,adjusted_p,flag,base_flag\r\n", 0) == 0);
    CHECK(csv.find("transport,Online,60,100,60.0,75.0,5.774,7.7") != std::string::npos);
    CHECK(csv.find(",higher,\r\n") != std::string::npos);
    // A negative z is a number, written as one (only labels need neutralising).
    CHECK(csv.find("transport,Telephone,20,100,20.0,25.0,-5.774,") != std::string::npos);
    CHECK(csv.find(",lower,\r\n") != std::string::npos);
    CHECK(csv.find("staff,Online,30,100,30.0,50.0,0.000,1,1,,\r\n") != std::string::npos);
}

TEST_CASE("the adjustment decides: Benjamini-Hochberg, Bonferroni or none") {
    Store store(two_channels());
    // waiting: 45 of 100 against 30 of 100, p = 0.028459 (statistics_test.cpp).
    // Eight cells tested: transport 2 at p 7.8e-9, waiting 2 at 0.0285, staff 2
    // and No theme 2 (40 against 50, p = 0.157).
    // BH: ranks 3 and 4 of 8: 0.028459 * 8/4 = 0.0569 -> not below 0.05.
    // So the whole tie keeps its rank-4 value 0.0569; Bonferroni gives 0.228.
    CrosstabOptions options;
    Crosstab bh = crosstab(store.db(), Dimension::theme, Dimension::channel, options);
    std::size_t online = column_of(bh, "Online"), waiting = row_of(bh, "waiting");
    CHECK(bh.tests[waiting][online].p == doctest::Approx(0.028459).epsilon(1e-4));
    CHECK(bh.tests[waiting][online].adjusted_p == doctest::Approx(0.028459 * 8 / 4).epsilon(1e-4));
    CHECK(bh.tests[waiting][online].direction == 0);

    options.adjustment = Adjustment::bonferroni;
    Crosstab bonferroni = crosstab(store.db(), Dimension::theme, Dimension::channel, options);
    CHECK(bonferroni.tests[waiting][online].adjusted_p == doctest::Approx(0.028459 * 8).epsilon(1e-4));
    CHECK(bonferroni.tests[waiting][online].direction == 0);
    CHECK(bonferroni.tests[row_of(bonferroni, "transport")][online].direction == 1);

    options.adjustment = Adjustment::none;
    Crosstab none = crosstab(store.db(), Dimension::theme, Dimension::channel, options);
    CHECK(none.tests[waiting][online].adjusted_p == doctest::Approx(0.028459).epsilon(1e-4));
    CHECK(none.tests[waiting][online].direction == 1);
    CHECK(crosstab_text(none).find("45  45.0%↑") != std::string::npos);
    CHECK(crosstab_text(none).find("    p < 0.05 with no adjustment for the 8 cells tested.\n") != std::string::npos);
}

TEST_CASE("small bases are flagged, bases under the minimum suppressed and not tested") {
    Rows rows = two_channels();
    rows.add(12, "Letter", "Survey", {"transport"}).add(8, "Letter", "Survey", {});
    rows.add(5, "Drop-in", "Survey", {"transport"});
    Store store(rows);
    Crosstab t = crosstab(store.db(), Dimension::theme, Dimension::channel);
    std::size_t letter = column_of(t, "Letter"), drop_in = column_of(t, "Drop-in");
    CHECK(t.bases[letter] == 20);
    CHECK(t.is_small(letter));
    CHECK_FALSE(t.is_suppressed(letter));
    CHECK(t.tests[row_of(t, "transport")][letter].tested);
    CHECK(t.is_suppressed(drop_in));
    CHECK_FALSE(t.tests[row_of(t, "transport")][drop_in].tested);

    std::string text = crosstab_text(t);
    CHECK(text.find("transport             97  43.1%     60  60.0%↑    20  20.0%↓   12  60.0%           –\n") !=
          std::string::npos);
    CHECK(text.find("Base (responses)     225           100           100           20*          5*\n") !=
          std::string::npos);
    CHECK(text.find("5 100.0%") == std::string::npos);
    CHECK(text.find("*   base under 30: read with care.\n") != std::string::npos);
    CHECK(text.find("–   base under 10: not shown or tested (--min-base to change).\n") != std::string::npos);
    CHECK(crosstab_csv(t).find("transport,Drop-in,,5,,,,,,,suppressed\r\n") != std::string::npos);
    CHECK(crosstab_csv(t).find("transport,Letter,12,20,60.0,") != std::string::npos);
    auto json = nlohmann::json::parse(crosstab_json(t));
    CHECK(json["columns"][drop_in]["suppressed"] == true);
    CHECK(json["cells"][0][drop_in]["count"].is_null());

    CrosstabOptions options;
    options.min_base = 0;
    Crosstab shown = crosstab(store.db(), Dimension::theme, Dimension::channel, options);
    CHECK_FALSE(shown.is_suppressed(drop_in));
    CHECK(shown.tests[row_of(shown, "transport")][drop_in].tested);
    CHECK(crosstab_text(shown).find("5 100.0%") != std::string::npos);
}

TEST_CASE("respondents: a person with several responses counts once in a cell and a base") {
    Rows rows;
    rows.add(3, "Online", "Survey", {"transport"}, {}, {}, "person-1");
    rows.add(1, "Online", "Survey", {"staff"}, {}, {}, "person-1");
    rows.add(2, "Online", "Survey", {"transport"});
    rows.add(4, "Telephone", "Survey", {"staff"});
    Store store(rows);
    Crosstab responses = crosstab(store.db(), Dimension::theme, Dimension::channel);
    std::size_t online = column_of(responses, "Online");
    CHECK(responses.bases[0] == 10);
    CHECK(responses.bases[online] == 6);
    CHECK(responses.counts[row_of(responses, "transport")][online] == 5);

    CrosstabOptions options;
    options.unit = CountUnit::respondents;
    Crosstab people = crosstab(store.db(), Dimension::theme, Dimension::channel, options);
    CHECK(people.column_labels[0] == "All respondents");
    CHECK(people.bases[0] == 7);         // person-1 and six others
    CHECK(people.bases[online] == 3);    // person-1 and two others
    CHECK(people.counts[row_of(people, "transport")][online] == 3);
    CHECK(people.counts[row_of(people, "staff")][online] == 1);
    CHECK(people.counts[row_of(people, "staff")][0] == 5);
    CHECK(crosstab_text(people).find("Base (respondents)") != std::string::npos);
    CHECK(crosstab_text(people).find("Themes by channel: respondents and column percentages\n") == 0);
}

TEST_CASE("row percentages: each cell's share of its row") {
    Store store(two_channels());
    CrosstabOptions options;
    options.percent_base = PercentBase::row;
    Crosstab t = crosstab(store.db(), Dimension::theme, Dimension::channel, options);
    std::size_t transport = row_of(t, "transport");
    CHECK(t.shown_percent(transport, column_of(t, "Online")) == doctest::Approx(75.0));  // 60 of 80
    CHECK(t.shown_percent(transport, column_of(t, "Telephone")) == doctest::Approx(25.0));
    CHECK(t.shown_percent(transport, 0) == doctest::Approx(100.0));
    std::string text = crosstab_text(t);
    CHECK(text.find("Themes by channel: responses and row percentages\n") == 0);
    CHECK(text.find("60  75.0%↑") != std::string::npos);
    CHECK(text.find("Row percentages: each cell as a share of its row's total (the All column).\n") !=
          std::string::npos);
    CHECK(nlohmann::json::parse(crosstab_json(t))["cells"][transport][1]["percent"] == 75.0);
}

TEST_CASE("an attribute as a dimension: values as written, in order, with those not given") {
    Rows rows;
    rows.add(4, "Online", "Survey", {"transport"}, {}, {{"age_band", "65+"}});
    rows.add(3, "Online", "Survey", {"staff"}, {}, {{"age_band", "16-24"}});
    rows.add(2, "Online", "Survey", {"transport"}, {}, {{"age_band", "Under 16"}});
    rows.add(1, "Online", "Survey", {"transport"});
    Store store(rows);
    Crosstab t = crosstab(store.db(), Dimension::theme, Axis::of_attribute("age_band"));
    CHECK(t.column_labels ==
          std::vector<std::string>{"All responses", "16-24", "65+", "Under 16", "(not given)"});
    CHECK(t.bases == std::vector<Xapian::doccount>{10, 3, 4, 2, 1});
    CHECK(t.counts[row_of(t, "transport")] == std::vector<Xapian::doccount>{7, 0, 4, 2, 1});
    CHECK(crosstab_csv(t).rfind("theme,age_band,", 0) == 0);

    REQUIRE(parse_axis("age_band"));
    CHECK(parse_axis("age_band")->attribute == "age_band");
    CHECK(parse_axis("attribute:preferred_contact")->dimension == Dimension::attribute);
    CHECK_FALSE(parse_axis("banana"));
    CHECK(stored_attributes(store.db()) == std::vector<std::string>{"age_band"});
    CHECK_THROWS_AS(crosstab(store.db(), Dimension::theme, Axis::of_attribute("gender")), std::invalid_argument);
}

TEST_CASE("weighting group columns to the population") {
    Rows rows;
    rows.add(20, "Online", "Survey", {"transport"}, {"carers"});
    rows.add(20, "Online", "Survey", {}, {"carers"});
    rows.add(30, "Online", "Survey", {"transport"}, {"young"});
    rows.add(30, "Online", "Survey", {}, {"young"});
    rows.add(100, "Online", "Survey", {});
    Store store(rows);
    CrosstabOptions options;
    // carers are 40 of 200 responses (20%) against 10% of the population:
    // weight 0.1 / 0.2 = 0.5; young people 60 of 200 (30%) against 15%: 0.5.
    options.column_population_shares = std::map<std::string, double>{{"carers", 0.10}, {"young", 0.15}};
    Crosstab t = crosstab(store.db(), Dimension::theme, Dimension::group, options);
    std::size_t carers = column_of(t, "carers"), young = column_of(t, "young"), transport = row_of(t, "transport");
    REQUIRE(t.weighted);
    CHECK(t.weights[carers] == doctest::Approx(0.5));
    CHECK(t.weighted_base(carers) == doctest::Approx(20.0));  // 10% of 200
    CHECK(t.weighted_count(transport, carers) == doctest::Approx(10.0));
    CHECK(t.percent(transport, carers) == doctest::Approx(50.0));  // unchanged by a column weight
    CHECK(t.row_percent(transport, young) == doctest::Approx(100.0 * 15 / 50));
    std::string text = crosstab_text(t);
    CHECK(text.find("Themes by group: weighted responses and column percentages\n") == 0);
    CHECK(text.find("10.0  50.0%") != std::string::npos);
    CHECK(text.find("Weight") != std::string::npos);
    CHECK(crosstab_csv(t).find("transport,carers,10.0,20.0,50.0,") != std::string::npos);
}

TEST_CASE("CSV cells that would start a formula are neutralised") {
    Rows rows;
    rows.add(10, "=HYPERLINK(\"http://x\")", "+event", {"transport"});
    rows.add(10, "@channel", "-event", {"transport"});
    Store store(rows);
    std::string csv = crosstab_csv(crosstab(store.db(), Dimension::channel, Dimension::event));
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\",'+event,10,") != std::string::npos);
    CHECK(csv.find("'@channel,'-event,10,") != std::string::npos);
    CHECK(csv.find(",=") == std::string::npos);
    CHECK(csv.find("\n=") == std::string::npos);
}
