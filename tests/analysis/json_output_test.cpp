#include <doctest/doctest.h>

#include "analysis/json_output.h"

TEST_CASE("JSON exports neutralise formulas in every string value, and leave keys and numbers alone") {
    const nlohmann::json value = {
        {"=key", "=HYPERLINK(\"http://example.org\",\"click\")"},
        {"hits", {{{"text", "+44 7700 900123"}, {"count", -3}}, {{"text", "@SUM(A1)"}, {"ok", true}}}},
        {"plain", "The bus never comes"},
        {"tab", "\tindented"},
        {"empty", ""},
    };
    CHECK(yousaid::json_text(value, -1) ==
          "{\"=key\":\"'=HYPERLINK(\\\"http://example.org\\\",\\\"click\\\")\","
          "\"empty\":\"\","
          "\"hits\":[{\"count\":-3,\"text\":\"'+44 7700 900123\"},{\"ok\":true,\"text\":\"'@SUM(A1)\"}],"
          "\"plain\":\"The bus never comes\","
          "\"tab\":\"'\\tindented\"}\n");
    CHECK(yousaid::json_text(nlohmann::json::array({1, "-x"})) == "[\n  1,\n  \"'-x\"\n]\n");
}
