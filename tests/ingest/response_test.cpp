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
