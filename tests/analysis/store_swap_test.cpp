// A store replaced whole (compaction, a new store's first batch) while readers
// open it: each reader finds the old store or the new, never tables of both.
#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>

#include "analysis/schema.h"
#include "analysis/store.h"
#include "analysis/store_compaction.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

// Enough documents that the tables span several blocks, so a version file
// read from one folder and tables from the other disagree.
void fill(Xapian::WritableDatabase& db, int documents) {
    for (int i = 0; i < documents; ++i) {
        Xapian::Document doc;
        doc.add_term("word" + std::to_string(i % 500));
        doc.add_term("doc" + std::to_string(i));
        doc.set_data(std::string(200, 'x'));
        doc.add_value(schema::kFacetsSlot, std::to_string(i));
        db.add_document(doc);
    }
    db.commit();
}

}  // namespace

TEST_CASE("readers opening a store while compactions swap it in each find one whole store") {
    TempDir dir;
    const std::string store = dir.path("store");
    Xapian::doccount documents = 0;
    {
        Xapian::WritableDatabase writer = open_store_for_writing(store);
        fill(writer, 3000);
        documents = writer.get_doccount();
    }

    std::atomic<bool> compacting = true;
    std::thread compactions([&] {
        for (int k = 0; k < 40; ++k) {
            // A new revision each time, so the folders' version files differ.
            // The writer goes after the swap, as a command's does.
            Xapian::WritableDatabase writer = open_store_for_writing(store);
            writer.set_metadata("round", std::to_string(k));
            writer.commit();
            compact_store(writer, store);
        }
        compacting = false;
    });
    int opened = 0, failed = 0;
    std::string failure;
    while (compacting) {
        try {
            Xapian::Database reader = open_store(store);
            Xapian::doccount seen = 0;
            for (auto it = reader.postlist_begin(""); it != reader.postlist_end(""); ++it) ++seen;
            if (seen != documents || reader.get_termfreq("word7") != 6) throw std::runtime_error("a mixed store");
            ++opened;
        } catch (const std::exception& e) {
            ++failed;
            failure = e.what();
        }
    }
    compactions.join();
    CAPTURE(failure);
    CHECK(failed == 0);
    CHECK(opened > 0);
}
