#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "ingest/response.h"

using namespace yousaid;

TEST_CASE("a response's record keeps its original text only when redaction changed it") {
    Response plain;
    plain.id = "R1";
    plain.original_text = plain.redacted_text = "The bus only runs twice a week.";
    nlohmann::json written = nlohmann::json::parse(to_json(plain));
    CHECK_FALSE(written.contains("original"));
    CHECK(written.at("text") == "The bus only runs twice a week.");
    Response read = response_from_json(to_json(plain));
    CHECK(read.original_text == "The bus only runs twice a week.");
    CHECK(read.redacted_text == read.original_text);
    CHECK(read.content_hash() == plain.content_hash());

    Response redacted = plain;
    redacted.original_text = "Ring me on 07700 900123.";
    redacted.redacted_text = "Ring me on [phone].";
    written = nlohmann::json::parse(to_json(redacted));
    CHECK(written.at("original") == "Ring me on 07700 900123.");
    read = response_from_json(to_json(redacted));
    CHECK(read.original_text == "Ring me on 07700 900123.");
    CHECK(read.redacted_text == "Ring me on [phone].");
}

TEST_CASE("a response's record leaves out what is empty or usual, and reads back the same") {
    Response r;
    r.id = "R1";
    r.respondent = "R1";
    r.original_text = r.redacted_text = "Parking";
    r.themes = {{"parking", "rule", 1.0}, {"access", "model", 0.75}};
    r.groups = {{"carers", "manual", 1.0}};
    nlohmann::json written = nlohmann::json::parse(to_json(r));
    CHECK(written.at("themes") == nlohmann::json::parse(R"([{"id":"parking"},{"id":"access","source":"model","confidence":0.75}])"));
    CHECK(written.at("groups") == nlohmann::json::parse(R"([{"id":"carers","source":"manual"}])"));
    for (const char* key : {"campaign", "respondent", "removed_themes", "removed_groups"}) {
        CAPTURE(key);
        CHECK_FALSE(written.contains(key));
    }
    Response read = response_from_json(to_json(r));
    CHECK(read.respondent == "R1");
    REQUIRE(read.themes.size() == 2);
    CHECK(read.themes[0].id == "parking");
    CHECK(read.themes[0].source == "rule");
    CHECK(read.themes[0].confidence == 1.0);
    CHECK(read.themes[1].source == "model");
    CHECK(read.themes[1].confidence == 0.75);
    CHECK(read.groups[0].source == "manual");

    r.respondent = "person-7";
    r.campaign = "R0";
    r.removed_themes = {"transport"};
    read = response_from_json(to_json(r));
    CHECK(read.respondent == "person-7");
    CHECK(read.campaign == "R0");
    CHECK(read.removed_themes == std::vector<std::string>{"transport"});

    // Records written before these were left out read as they always did.
    read = response_from_json(R"({"id":"R2","batch":"b","event":"","channel":"","date":"","question":"",)"
                              R"("attributes":{},"text":"[phone]","original":"0161 496 0000","themes":[{"id":"t",)"
                              R"("source":"rule","confidence":1.0}],"groups":[],"source":{"file":"f","line":2},)"
                              R"("campaign":"","respondent":"R2","removed_themes":[],"removed_groups":[]})");
    CHECK(read.original_text == "0161 496 0000");
    CHECK(read.themes[0].source == "rule");
    CHECK(read.respondent == "R2");
}

TEST_CASE("a record reads back whole, in any order of fields, and anything else is refused") {
    Response r;
    r.id = "R3";
    r.batch = "b1";
    r.event = "Café \"drop-in\"";
    r.date = "2014-05-10";
    r.attributes = {{"age_band", "65-74"}, {"carer", "yes"}};
    r.original_text = "Call me on 0161 496 0000\nplease";
    r.redacted_text = "Call me on [phone]\nplease";
    r.themes = {{"access", "manual", 1.0}, {"transport", "rule", 1.0}, {"cost", "model", 0.625}};
    r.groups = {{"carers", "rule", 1.0}};
    r.source = {"survey.csv", 12, 3};
    r.polarity = "negative";
    r.polarity_confidence = 0.75;
    const Response read = response_from_json(to_json(r));
    CHECK(read.id == r.id);
    CHECK(read.event == r.event);
    CHECK(read.attributes == r.attributes);
    CHECK(read.original_text == r.original_text);
    CHECK(read.redacted_text == r.redacted_text);
    CHECK(read.themes == r.themes);
    CHECK(read.groups == r.groups);
    CHECK(read.source.file == "survey.csv");
    CHECK(read.source.line == 12);
    CHECK(read.polarity == "negative");
    CHECK(read.polarity_confidence == 0.75);

    // Written by another tool: fields in another order, a whole-number confidence, escapes.
    const Response other = response_from_json(
        R"({"source":{"line":4,"file":"f"},"groups":[],"themes":[{"confidence":0,"source":"model","id":"t"}],)"
        R"("text":"caf\u00e9 \"x\"","attributes":{"a":"1"},"question":"q","date":"","channel":"c","event":"e",)"
        R"("batch":"b","id":"R4"})");
    CHECK(other.themes == std::vector<Tag>{{"t", "model", 0.0}});
    CHECK(other.redacted_text == "café \"x\"");
    CHECK(other.original_text == other.redacted_text);
    CHECK(other.respondent == "R4");
    CHECK(other.source.line == 4);

    const std::string whole = to_json(r);
    CHECK_THROWS_AS(response_from_json(""), std::runtime_error);
    CHECK_THROWS_AS(response_from_json(whole.substr(0, whole.size() - 1)), std::runtime_error);
    CHECK_THROWS_AS(response_from_json(whole + "}"), std::runtime_error);
    CHECK_THROWS_AS(response_from_json("[1, 2]"), std::runtime_error);
    CHECK_THROWS_WITH(response_from_json(R"({"id":"R5"})"), doctest::Contains("not a response record"));
    CHECK_THROWS_AS(response_from_json(R"({"id":5,"batch":"b","event":"","channel":"","date":"","question":"",)"
                                       R"("attributes":{},"text":"t","themes":[],"groups":[],"source":{"file":"f","line":1}})"),
                    std::runtime_error);
    CHECK_THROWS_AS(response_from_json(R"({"id":"R6","batch":"b","event":"","channel":"","date":"","question":"",)"
                                       R"("attributes":{},"text":"t","themes":[{"source":"rule"}],"groups":[],)"
                                       R"("source":{"file":"f","line":1}})"),
                    std::runtime_error);
}
