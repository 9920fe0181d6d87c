// The responses closest to a set's centre: the set's telling words, and a
// response scored by how many of them it holds for its length.
#include <doctest/doctest.h>

#include <algorithm>

#include "analysis/document_builder.h"
#include "analysis/typical_responses.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

Xapian::docid add(Xapian::WritableDatabase& db, const std::string& text, bool tagged) {
    Xapian::Document doc;
    Xapian::TermGenerator indexer;
    indexer.set_stemmer(DocumentBuilder::stemmer());
    indexer.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    indexer.set_document(doc);
    indexer.index_text(text);
    if (tagged) doc.add_boolean_term("XTtransport");
    return db.add_document(doc);
}

}  // namespace

TEST_CASE("the most typical responses hold the set's own words; an outlier in the set comes last") {
    TempDir dir;
    Xapian::WritableDatabase db(dir.path("store"), Xapian::DB_CREATE);
    for (int i = 0; i < 30; ++i) add(db, "The waiting room was clean and the nurse was kind " + std::to_string(i), false);
    const Xapian::docid typical = add(db, "The bus to the hospital never comes and the buses stop early", true);
    add(db, "No bus on Sundays, so I missed the hospital appointment", true);
    add(db, "The village bus stopped running and now the hospital is out of reach", true);
    const Xapian::docid outlier = add(db, "The nurse was kind and the waiting room was clean, and a bus", true);
    add(db, "A taxi to the hospital costs too much since the bus went", true);
    db.commit();

    const TypicalResponses found = typical_responses(db, Xapian::Query("XTtransport"), 10);
    REQUIRE(found.responses.size() == 5);
    CHECK(std::find(found.centre.begin(), found.centre.end(), "Zhospit") != found.centre.end());
    CHECK(std::find(found.centre.begin(), found.centre.end(), "Znurs") == found.centre.end());  // common outside the set
    CHECK(found.responses.front().docid == typical);
    CHECK(found.responses.back().docid == outlier);
    for (std::size_t i = 1; i < found.responses.size(); ++i)
        CHECK(found.responses[i - 1].closeness >= found.responses[i].closeness);

    CHECK(typical_responses(db, Xapian::Query("XTtransport"), 2).responses.size() == 2);
    CHECK(typical_responses(db, Xapian::Query("XTnobody"), 10).responses.empty());
}
