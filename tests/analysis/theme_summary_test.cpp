#include <doctest/doctest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "analysis/batch_ingest.h"
#include "analysis/store.h"
#include "analysis/theme_summary.h"
#include "ingest/map_file.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

// Seven respondents answering up to two questions, plus a second copy of P7's
// letter (P8: a campaign, counted once). Themes by rule:
//   transport (bus OR taxi): P1 q1, P1 q2, P2 q1, P3 q1  -> 4 responses, 3 respondents
//   gp (surgery OR appointment*): P1 q2, P4 q1, P5 q1    -> 3 responses, 3 respondents
//   no theme: P2 q2, P4 q2, P6 q1, P7 q1 (and P8 q1, the campaign's second member)
// Counted: 10 responses from 7 respondents (11 from 8 with every member).
const char* kSurvey =
    "ID,Event,Channel,Age,Carer,What works well?,What could be better?\n"
    "P1,Event A,Online,75+,yes,The bus is late and parking is dear.,The surgery is fine but the bus stop is far.\n"
    "P2,Event A,Online,45-54,no,Bus drivers are kind but parking is hard.,Nothing more to say.\n"
    "P3,Event B,Telephone,45-54,yes,\"A taxi costs too much and parking is full, ring 07700 900123.\",\n"
    "P4,Event B,Telephone,25-34,no,My appointment at the surgery was quick.,The weather was lovely today.\n"
    "P5,Event B,Telephone,65-74,no,Cannot get an appointment for weeks.,\n"
    "P6,Event A,Online,18-24,no,Staff were friendly.,\n"
    "P7,Event A,Online,35-44,no,We would like more evening events in the village hall so that working people can "
    "come along and talk.,\n"
    "P8,Event A,Online,35-44,no,We would like more evening events in the village hall so that working people can "
    "come along and talk.,\n";

const char* kMap =
    "id: ID\ntext: What works well?\ntext: What could be better?\nevent: Event\nchannel: Channel\n"
    "attribute age_band: Age\nattribute carer: Carer\n";

const char* kCodebook =
    "codebook: test\nversion: 1\n\n"
    "theme transport\n  title: Transport\n  rule: bus OR taxi\n\n"
    "theme gp\n  title: GP access\n  rule: surgery OR appointment*\n\n"
    "group carers\n  title: Carers\n  when: carer = yes\n";

struct Store {
    TempDir dir;
    std::string path = dir.path("store");
    Store() {
        MapFileParse map = parse_map_file(kMap, "survey.map");
        REQUIRE(map.errors.empty());
        Xapian::WritableDatabase db = open_store_for_writing(path);
        CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", db);
        REQUIRE(load.compiled);
        IngestOptions options;
        options.codebook = &*load.compiled;
        options.input.map = &map.map;
        BatchResult result = ingest_file(db, dir.write("survey.csv", kSurvey), options);
        REQUIRE(result.landed());
        REQUIRE(result.record.counts_line() == "read 11, accepted 11, rejected 0, unchanged 0");
    }
};

const ThemeCount& theme(const ThemeSummary& s, const std::string& id) {
    for (const ThemeCount& t : s.themes) {
        if (t.id == id) return t;
    }
    FAIL("no theme " << id);
    throw std::logic_error("unreachable");
}

std::vector<std::string> words_of(const ThemeCount& t) {
    std::vector<std::string> out;
    for (const DistinguishingWord& w : t.words) out.push_back(w.word);
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("themes: responses, respondents and shares, a campaign counted once") {
    Store store;
    Xapian::Database db(store.path);
    ThemeSummary s = summarise_themes(db);
    CHECK(s.has_codebook);
    CHECK(s.responses == 10);
    CHECK(s.respondents == 7);
    REQUIRE(s.themes.size() == 2);
    CHECK(s.themes[0].id == "transport");  // codebook order
    CHECK(s.themes[0].title == "Transport");
    CHECK(s.themes[0].responses == 4);
    CHECK(s.themes[0].respondents == 3);  // P1 twice
    CHECK(s.themes[0].share == doctest::Approx(40.0));
    CHECK(s.themes[1].id == "gp");
    CHECK(s.themes[1].responses == 3);
    CHECK(s.themes[1].respondents == 3);
    CHECK(s.themes[1].share == doctest::Approx(30.0));
    CHECK(s.untagged == 4);
    CHECK(s.untagged_respondents == 4);
    CHECK(s.campaigns == 1);
    CHECK(s.campaign_members == 2);

    ThemeSummaryOptions every;
    every.every_member = true;
    ThemeSummary all = summarise_themes(db, every);
    CHECK(all.responses == 11);
    CHECK(all.respondents == 8);
    CHECK(all.untagged == 5);
}

TEST_CASE("themes: distinguishing words, by log odds against the rest, leave out the rule's words and common words") {
    Store store;
    Xapian::Database db(store.path);
    ThemeSummary s = summarise_themes(db);
    const ThemeCount& transport = theme(s, "transport");
    REQUIRE(!transport.words.empty());
    // "parking" is in 3 of the 4 transport responses and none of the 6 others:
    //   a = 3, c = 4 - 3 = 1, b = 0, d = 6 - 0 = 6; 0.5 added to each cell
    //   log odds ratio = ln((3.5 * 6.5) / (0.5 * 1.5)) = ln(30.333) = 3.41225
    //   standard error = sqrt(1/3.5 + 1/0.5 + 1/1.5 + 1/6.5) = sqrt(3.10623) = 1.76245
    //   z = 3.41225 / 1.76245 = 1.93608
    CHECK(transport.words[0].word == "parking");
    CHECK(transport.words[0].in_theme == 3);
    CHECK(transport.words[0].elsewhere == 0);
    CHECK(transport.words[0].z == doctest::Approx(1.93608).epsilon(1e-4));
    std::vector<std::string> words = words_of(transport);
    CHECK(!contains(words, "bus"));  // the rule's own word
    CHECK(!contains(words, "the"));  // a stop word
    CHECK(!contains(words, "is"));
    CHECK(!contains(words, "late"));  // in one response only
    // The gp theme's rule words, stemmed: "appointment*" covers "appointment", "surgery" is named.
    std::vector<std::string> gp = words_of(theme(s, "gp"));
    CHECK(!contains(gp, "appointment"));
    CHECK(!contains(gp, "surgery"));
}

TEST_CASE("themes: examples and the untagged sample are redacted snippets") {
    Store store;
    Xapian::Database db(store.path);
    ThemeSummaryOptions options;
    options.snippet_words = 8;
    ThemeSummary s = summarise_themes(db, options);
    const ThemeCount& transport = theme(s, "transport");
    REQUIRE(transport.examples.size() == 3);
    // Ranked by the distinguishing words: the three with "parking" come first.
    for (const Snippet& e : transport.examples) CHECK(e.text.find("parking") != std::string::npos);
    std::vector<std::string> untagged;
    for (const Snippet& e : s.untagged_sample) untagged.push_back(e.text);
    CHECK(untagged == std::vector<std::string>{"Nothing more to say.", "The weather was lovely today.",
                                               "Staff were friendly.",
                                               "We would like more evening events in the…"});
    CHECK(s.untagged_sample[0].id == "event-a-P2-q2");
    CHECK(s.untagged_sample[0].channel == "Online");
}

TEST_CASE("themes: a redacted phone number never shows in a snippet") {
    Store store;
    Xapian::Database db(store.path);
    ThemeSummaryOptions options;
    options.examples = 4;
    ThemeSummary s = summarise_themes(db, options);
    std::string all;
    for (const Snippet& e : theme(s, "transport").examples) all += e.text + "\n";
    CHECK(all.find("ring [phone].") != std::string::npos);
    CHECK(all.find("07700") == std::string::npos);
}

TEST_CASE("themes --by channel: each theme's responses, respondents and base per channel") {
    Store store;
    Xapian::Database db(store.path);
    ThemeSummaryOptions options;
    options.by = ThemeBreakdown::channel;
    ThemeSummary s = summarise_themes(db, options);
    const ThemeCount& transport = theme(s, "transport");
    REQUIRE(transport.breakdown.size() == 2);
    // Online: P1 (2 responses), P2 (2), P6, P7 = 6 counted; transport P1 q1, P1 q2, P2 q1.
    CHECK(transport.breakdown[0].key == "Online");
    CHECK(transport.breakdown[0].base == 6);
    CHECK(transport.breakdown[0].responses == 3);
    CHECK(transport.breakdown[0].respondents == 2);
    CHECK(transport.breakdown[0].percent() == doctest::Approx(50.0));
    // Telephone: P3, P4 (2), P5 = 4; transport P3 q1.
    CHECK(transport.breakdown[1].key == "Telephone");
    CHECK(transport.breakdown[1].base == 4);
    CHECK(transport.breakdown[1].responses == 1);
    CHECK(transport.breakdown[1].percent() == doctest::Approx(25.0));
    CHECK(summarise_themes(db).themes[0].breakdown.empty());
}

TEST_CASE("themes: text and JSON output") {
    Store store;
    Xapian::Database db(store.path);
    ThemeSummaryOptions options;
    options.by = ThemeBreakdown::channel;
    ThemeSummary s = summarise_themes(db, options);
    std::string text = themes_text(s);
    CHECK(text.find("Themes: 10 responses from 7 respondents\n") == 0);
    CHECK(text.find("Theme      Responses   Share  Respondents\n"
                    "Transport          4   40.0%            3\n"
                    "GP access          3   30.0%            3\n"
                    "No theme           4   40.0%            4\n") != std::string::npos);
    CHECK(text.find("  Distinguishing words: parking") != std::string::npos);
    CHECK(text.find("No theme caught 4 responses (40.0%); a sample, to see what the codebook misses:\n"
                    "    - \"Nothing more to say.\" (event-a-P2-q2, Online)\n") != std::string::npos);
    CHECK(text.find("Campaigns counted once: 1 campaign with 2 responses") != std::string::npos);
    CHECK(text.find("  By channel:\n") != std::string::npos);

    nlohmann::json json = nlohmann::json::parse(themes_json(s));
    CHECK(json["responses"] == 10);
    CHECK(json["respondents"] == 7);
    CHECK(json["by"] == "channel");
    CHECK(json["themes"][0]["id"] == "transport");
    CHECK(json["themes"][0]["respondents"] == 3);
    CHECK(json["themes"][0]["words"][0]["word"] == "parking");
    CHECK(json["themes"][0]["breakdown"][0]["key"] == "Online");
    CHECK(json["untagged"]["responses"] == 4);
    CHECK(json["untagged"]["sample"].size() == 4);
    CHECK(json["campaigns"]["counted_once"] == true);
}
