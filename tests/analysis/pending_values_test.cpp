// Values merged into a store's value streams inside a transaction
// (merge_pending_values) stay invisible until the transaction commits: a
// cancelled transaction, or a process killed before committing, leaves the
// store as it was. Tagging a store relies on it to stay one transaction.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "analysis/store.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

constexpr Xapian::valueno kSlot = 20;
constexpr int kDocuments = 3000;  // enough that each value stream spans several chunks

void fill(const std::string& store) {
    Xapian::WritableDatabase db = open_store_for_writing(store);
    for (int i = 0; i < kDocuments; ++i) {
        Xapian::Document doc;
        doc.add_term("doc" + std::to_string(i));
        doc.add_value(kSlot, "old " + std::to_string(i));
        doc.add_value(kSlot + 1, "kept " + std::to_string(i));
        db.add_document(doc);
    }
    db.commit();
}

// Inside a transaction: every document's first value made new, then merged.
void change_and_merge(Xapian::WritableDatabase& db) {
    db.begin_transaction();
    for (Xapian::docid id = 1; id <= kDocuments; ++id) {
        Xapian::Document doc = db.get_document(id);
        doc.add_value(kSlot, "new " + std::to_string(id - 1));
        db.replace_document(id, doc);
    }
    merge_pending_values(db);
}

// The values a reader finds along a slot's value stream.
std::vector<std::string> stream(const std::string& store, Xapian::valueno slot) {
    const Xapian::Database db(store);
    std::vector<std::string> values;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) values.push_back(*it);
    return values;
}

std::vector<std::string> numbered(const std::string& prefix) {
    std::vector<std::string> values;
    for (int i = 0; i < kDocuments; ++i) values.push_back(prefix + std::to_string(i));
    return values;
}

}  // namespace

TEST_CASE("merged values are seen by their writer, and by readers only once the transaction commits") {
    TempDir dir;
    const std::string store = dir.path("store");
    fill(store);
    Xapian::WritableDatabase db = open_store_for_writing(store);
    change_and_merge(db);
    CHECK(db.get_document(7).get_value(kSlot) == "new 6");
    CHECK(stream(store, kSlot) == numbered("old "));

    db.cancel_transaction();
    CHECK(db.get_document(7).get_value(kSlot) == "old 6");
    CHECK(stream(store, kSlot) == numbered("old "));

    change_and_merge(db);
    db.commit_transaction();
    CHECK(stream(store, kSlot) == numbered("new "));
    CHECK(stream(store, kSlot + 1) == numbered("kept "));
}

TEST_CASE("a process killed after merging values, before committing, leaves the store as it was") {
    TempDir dir;
    const std::string store = dir.path("store");
    fill(store);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            Xapian::WritableDatabase db = open_store_for_writing(store);
            change_and_merge(db);
            ::_exit(0);  // as if killed: nothing is committed, cancelled or closed
        } catch (...) {
            ::_exit(1);
        }
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    CHECK(stream(store, kSlot) == numbered("old "));
    // The next writer finds the last committed store and can change it.
    Xapian::WritableDatabase db = open_store_for_writing(store);
    change_and_merge(db);
    db.commit_transaction();
    CHECK(stream(store, kSlot) == numbered("new "));
}
