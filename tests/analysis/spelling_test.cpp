// Spelling suggestions from the words a real store holds.
#include <doctest/doctest.h>

#include "analysis/batch_ingest.h"
#include "analysis/spelling.h"
#include "analysis/store.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

TEST_CASE("spelling_suggestion corrects words no response holds, and leaves the query's structure alone") {
    TempDir dir;
    {
        // "transport" in 1 response, "transports" in 3; "care" in 3, "card" in 1.
        Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
        ingest_file(db,
                    dir.write("responses.csv",
                              "id,text\n1,transport to hospital\n2,transports were cancelled\n"
                              "3,more transports please\n4,transports are late\n5,care at home\n6,care for my mum\n"
                              "7,care is good\n8,a birthday card\n9,the bus was late\n"
                              "10,one number to ring the hospital\n11,staff were kind\n"),
                    {});
    }
    Xapian::Database db(dir.path("store"));
    struct Case {
        const char* query;
        const char* suggestion;
    } cases[] = {
        {"transprt", "transport"},  // 1 edit beats "transports" (2 edits, more responses)
        {"carx", "care"},           // of two words 1 edit away, the one in more responses
        {"Transprt to hospitl", "Transport to hospital"},
        {"trxnsxort", "transport"},  // 2 edits for a word of 6 letters or more
        {"bxs", "bus"},
        {"\"one numbr to ring\"", "\"one number to ring\""},
        {"transprt OR buss AND NOT staf", "transport OR bus AND NOT staff"},
        {"transprt NEAR/3 hospitl", "transport NEAR/3 hospital"},
        {"(transprt OR -buss) ~staf", "(transport OR -bus) ~staff"},
        // Filters and wildcards stay as written.
        {"transprt channel:telphone carer:yess event:\"Tesco Macclesfeld\"",
         "transport channel:telphone carer:yess event:\"Tesco Macclesfeld\""},
        {"transprt* hospitl", "transprt* hospital"},
        // Nothing to change: empty.
        {"transport to hospital", ""},
        {"buses", ""},  // its stem, bus, is indexed
        {"channel:telphone", ""},
        {"xq transprt2", ""},   // too short; has a digit
        {"ransport", ""},       // candidates start with the same letter
        {"hxspxtxl", ""},       // 3 edits from "hospital"
        {"sxxff", ""},          // 2 edits from "staff", which has only 5 letters
        {"", ""},
    };
    for (const Case& c : cases) {
        CHECK(spelling_suggestion(db, c.query) == std::string(c.suggestion));
    }
}
