// A new store's first batch is written beside it and swapped in whole: the
// store then holds it, rejects and all, with nothing left beside it; a
// refused batch leaves the store new; a store that ever held anything takes
// batches in a transaction as before.
#include <doctest/doctest.h>

#include <filesystem>

#include "analysis/new_store_ingest.h"
#include "analysis/schema.h"
#include "analysis/store.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

const char* kSurvey =
    "Response ID,Response,Carer\n"
    "R1,The bus to the hospital only runs twice a week.,yes\n"
    "R2,,no\n"
    "R3,I had to tell my story six times.,no\n";

// Folders beside the store that a new store's ingest made.
int folders_beside(const TempDir& dir) {
    int folders = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        folders += entry.path().filename().string().starts_with(".store.ingesting-");
    }
    return folders;
}

}  // namespace

TEST_CASE("a new store is one that never held anything") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    CHECK(is_new_store(db));
    db.add_synonym("gp", "doctor");
    CHECK_FALSE(is_new_store(db));
    db.clear_synonyms("gp");
    db.set_metadata("audit:1", "someone coded something");
    CHECK_FALSE(is_new_store(db));
    db.set_metadata("audit:1", "");
    CHECK(is_new_store(db));
    db.delete_document(db.add_document(Xapian::Document()));
    CHECK(db.get_doccount() == 0);
    CHECK_FALSE(is_new_store(db));  // it had a document once
}

TEST_CASE("a new store's first batch lands whole, with its rejects, and nothing is left beside it") {
    TempDir dir;
    const std::string store = dir.path("store");
    Xapian::WritableDatabase db = open_store_for_writing(store);
    IngestOptions options;
    options.store_path = store;
    BatchResult result = ingest_into_new_store(db, store, dir.write("survey.csv", kSurvey), options);
    REQUIRE(result.landed());
    CHECK(result.record.counts_line() == "read 3, accepted 2, rejected 1, unchanged 0");
    CHECK(db.get_doccount() == 2);  // `db` is the new store
    CHECK(Xapian::Database(store).get_doccount() == 2);
    CHECK(Xapian::Database(store).get_metadata(schema::kSchemaVersionKey) == schema::kSchemaVersion);
    CHECK(std::filesystem::exists(store + "/rejects/" + result.record.id + ".csv"));
    CHECK(folders_beside(dir) == 0);

    // The writer goes on with the store in a transaction, as for any store.
    CHECK_FALSE(is_new_store(db));
    BatchResult again = ingest_file(db, dir.write("more.csv", "Response ID,Response\nR9,Parking costs too much.\n"),
                                    options);
    CHECK(again.landed());
    CHECK(Xapian::Database(store).get_doccount() == 3);
}

TEST_CASE("a refused first batch leaves the store new, and nothing beside it") {
    TempDir dir;
    const std::string store = dir.path("store");
    Xapian::WritableDatabase db = open_store_for_writing(store);
    IngestOptions options;
    options.strict = true;
    BatchResult result = ingest_into_new_store(db, store, dir.write("survey.csv", kSurvey), options);
    CHECK_FALSE(result.landed());
    CHECK(is_new_store(db));
    CHECK(folders_beside(dir) == 0);
    CHECK_FALSE(std::filesystem::exists(store + "/rejects"));
}
