#include <doctest/doctest.h>

#include "report/respondent_label.h"

using namespace yousaid;
using namespace yousaid::report;

namespace {

Codebook groups_codebook() {
    const char* text =
        "group working\n  title: People in work\n  label: Person in work\n  when: working_status = employed\n"
        "group parents\n  title: Parents of young children\n  label: Parent of a young child\n"
        "  when: parent_under_5 = yes\n"
        "group working-parents\n  title: Working parents\n  label: Working parent\n"
        "  when: in-group(working) and in-group(parents)\n"
        "group carers\n  title: Carers\n  label: Carer\n  when: carer = yes\n"
        "group older-isolated\n  title: Isolated older people\n  label: Older person living alone\n"
        "  when: lives_alone = yes\n"
        "group lgbt\n  title: LGBT people\n  when: sexual_orientation = Bisexual\n";
    CodebookParse parse = parse_codebook(text, "cb.txt");
    REQUIRE(parse.errors.empty());
    return parse.codebook;
}

Response in_groups(std::vector<Tag> groups) {
    Response r;
    r.groups = std::move(groups);
    r.attributes = {{"gender", "Male"}, {"age_band", "35-44"}};
    return r;
}

}  // namespace

TEST_CASE("a respondent is labelled by their most specific group, never one inferred from their words") {
    const std::map<std::string, Xapian::doccount> sizes = {{"working", 400}, {"parents", 90},
                                                           {"working-parents", 40}, {"carers", 120},
                                                           {"older-isolated", 60}, {"lgbt", 10}};
    const RespondentLabels labels(groups_codebook(), sizes);
    // A group built on others wins over them, whatever their sizes.
    CHECK(labels.describe(in_groups({{"working", "rule", 1}, {"parents", "rule", 1}, {"working-parents", "rule", 1}})) ==
          "Working parent");
    // Neither built on the other: the smaller group is the more specific.
    CHECK(labels.describe(in_groups({{"carers", "rule", 1}, {"older-isolated", "rule", 1}})) ==
          "Older person living alone");
    // Given by hand counts as told; a cue's guess does not.
    CHECK(labels.describe(in_groups({{"carers", "manual", 1}})) == "Carer");
    CHECK(labels.describe(in_groups({{"older-isolated", "rule", 0.6}, {"working", "rule", 1}})) == "Person in work");
    // Groups without a label are never printed: gender and age instead.
    CHECK(labels.describe(in_groups({{"lgbt", "rule", 1}})) == "Man aged 35-44");
    Response nobody;
    CHECK(labels.describe(nobody) == "Participant");
}

TEST_CASE("groups the same size are taken in codebook order") {
    const RespondentLabels labels(groups_codebook(), {});
    CHECK(labels.describe(in_groups({{"older-isolated", "rule", 1}, {"carers", "rule", 1}})) == "Carer");
}
