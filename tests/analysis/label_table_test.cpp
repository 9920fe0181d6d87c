#include <doctest/doctest.h>

#include "analysis/label_table.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

TEST_CASE("a label map merges codes and names every fault") {
    LabelMap map = parse_label_map("1,2=positive; 3=mixed;4, 5=negative");
    CHECK(map.size() == 5);
    CHECK(map.at("2") == "positive");
    CHECK(map.at("5") == "negative");
    CHECK_THROWS_WITH(parse_label_map("1,2"), "\"1,2\" is not CODE[,CODE...]=LABEL");
    CHECK_THROWS_WITH(parse_label_map("1=a;1=b"), "code \"1\" is mapped twice");
    CHECK_THROWS_WITH(parse_label_map("1,,2=a"), "\"1,,2=a\" has an empty code");
    CHECK_THROWS_WITH(parse_label_map("=a"), "\"=a\" has an empty code");
}

TEST_CASE("labels are read by column name, split, trimmed, mapped and kept in file order") {
    TempDir dir;
    std::string path = dir.write("labels.csv",
                                 "id,Comment,Codes\n"
                                 "1,The nurse was kind,Staff | Care received\n"
                                 "2,\"Parking, again\",Environment|Environment\n"
                                 "3,No comment,\n");
    LabelTable multi = read_label_table(path, {"comment", "CODES", std::string("|"), {}});
    REQUIRE(multi.errors.empty());
    REQUIRE(multi.rows.size() == 3);
    CHECK(multi.rows[0].text == "The nurse was kind");
    CHECK(multi.rows[0].labels == std::vector<std::string>{"Staff", "Care received"});
    CHECK(multi.rows[1].labels == std::vector<std::string>{"Environment"});
    CHECK(multi.rows[2].labels.empty());
    CHECK(multi.rows[1].line == 3);

    LabelTable single = read_label_table(path, {"Comment", "Codes", std::nullopt, {{"Staff | Care received", "both"}}});
    CHECK(single.rows[0].labels == std::vector<std::string>{"both"});
    CHECK(single.rows[1].labels == std::vector<std::string>{"Environment|Environment"});
}

TEST_CASE("a missing column or a malformed row is reported where it is") {
    TempDir dir;
    std::string path = dir.write("labels.csv", "text,label\n\"ok\",a\n\"broken,b\n");
    LabelTable missing = read_label_table(path, {"text", "theme", std::nullopt, {}});
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].headline() == path + ":1:1: error: no column \"theme\" in the header");
    LabelTable broken = read_label_table(path, {"text", "label", std::nullopt, {}});
    REQUIRE(broken.errors.size() == 1);
    CHECK(broken.errors[0].where.line == 3);
}
