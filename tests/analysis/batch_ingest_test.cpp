#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

#include "analysis/batch_ingest.h"
#include "analysis/batch_writer.h"
#include "analysis/crosstab.h"
#include "analysis/schema.h"
#include "analysis/search.h"
#include "analysis/store.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

IngestOptions tagging_with(const CompiledCodebook& codebook) {
    IngestOptions options;
    options.codebook = &codebook;
    return options;
}

const char* kSurvey =
    "Response ID,Date,Event,Channel,Question,Response,Age band,Carer\r\n"
    "R1,03/06/2014,Tesco Macclesfield,Face-to-face survey,What could be better?,"
    "\"The bus to the hospital only runs twice a week, so I pay £12 for a taxi.\",75-84,yes\r\n"
    "R2,31/06/2014,Tesco Macclesfield,Face-to-face survey,What could be better?,Too much jargon,45-54,no\r\n"
    "R3,2014-06-04,Online survey,Online survey,What could be better?,"
    "\"I had to tell my story six times. Ring me on 07700 900123.\",35-44,no\r\n";

const char* kCodebook =
    "codebook: test\nversion: 1\n\n"
    "theme transport-rural\n  title: Transport and rural access\n  rule: bus OR taxi OR travel*\n\n"
    "theme information-sharing\n  title: Information sharing\n  rule: \"my story\" OR records\n\n"
    "group carers\n  title: Carers\n  when: carer = yes\n";

Xapian::doccount count_term(const Xapian::Database& db, const std::string& term) { return db.get_termfreq(term); }

}  // namespace

TEST_CASE("a batch lands with its counts, ids, redacted text and rejects") {
    TempDir dir;
    std::string csv = dir.write("survey.csv", kSurvey);
    std::string store = dir.path("store");
    {
        Xapian::WritableDatabase db = open_store_for_writing(store);
        BatchResult result = ingest_file(db, csv, {});
        CHECK(result.record.counts_line() == "read 3, accepted 2, rejected 1, unchanged 0");
        CHECK(result.record.redactions.phone_numbers == 1);
        REQUIRE(result.rejected.size() == 1);
        CHECK(result.rejected[0].diagnostic.where.line == 3);
    }
    Xapian::Database db(store);
    CHECK(db.get_doccount() == 2);
    CHECK(count_term(db, "Qtesco-macclesfield-R1") == 1);
    CHECK(count_term(db, "Qonline-survey-R3") == 1);
    CHECK(count_term(db, "XEtesco-macclesfield") == 1);
    CHECK(count_term(db, "XAage_band:75-84") == 1);
    CHECK(count_term(db, "D20140603") == 1);
    // Personal data is not searchable: the phone number's digits were never indexed.
    CHECK(count_term(db, "07700") == 0);
    std::string batch_key = std::string(schema::kBatchKeyPrefix) + db.get_document(1).get_value(schema::kBatchSlot);
    CHECK(db.get_metadata(batch_key).find("\"rejected\":1") != std::string::npos);
    std::string rejects = db.get_metadata(std::string(schema::kRejectsKeyPrefix) +
                                          db.get_document(1).get_value(schema::kBatchSlot));
    CHECK(rejects.find("31/06/2014") != std::string::npos);
}

TEST_CASE("the store is readable by its owner only") {
    TempDir dir;
    std::string store = dir.path("store");
    {
        Xapian::WritableDatabase db = open_store_for_writing(store);
        ingest_file(db, dir.write("survey.csv", kSurvey), {});
    }
    struct stat st {};
    REQUIRE(::stat(store.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    for (const auto& entry : std::filesystem::directory_iterator(store)) {
        REQUIRE(::stat(entry.path().c_str(), &st) == 0);
        CAPTURE(entry.path().string());
        CHECK((st.st_mode & 0077) == 0);
    }
}

TEST_CASE("re-ingesting the same file changes nothing; a changed row replaces its old version") {
    TempDir dir;
    std::string csv = dir.write("survey.csv", kSurvey);
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    ingest_file(db, csv, {});
    BatchResult again = ingest_file(db, csv, {});
    CHECK(again.record.counts_line() == "read 3, accepted 0, rejected 1, unchanged 2");
    CHECK(db.get_doccount() == 2);

    std::string changed = kSurvey;
    changed.replace(changed.find("Too much jargon"), 15, "Far too much jargon");
    changed.replace(changed.find("31/06/2014"), 10, "30/06/2014");
    BatchResult fixed = ingest_file(db, dir.write("survey-fixed.csv", changed), {});
    CHECK(fixed.record.counts_line() == "read 3, accepted 1, rejected 0, unchanged 2");
    CHECK(db.get_doccount() == 3);
}

TEST_CASE("a batch that does not commit leaves the store as it was") {
    TempDir dir;
    std::string store = dir.path("store");
    {
        Xapian::WritableDatabase db = open_store_for_writing(store);
        ingest_file(db, dir.write("survey.csv", kSurvey), {});
    }
    {
        Xapian::WritableDatabase db = open_store_for_writing(store);
        BatchWriter writer(db, BatchRecord{});
        Response r;
        r.id = "half-done";
        r.original_text = r.redacted_text = "never committed";
        writer.put(r);
        // The writer goes out of scope without commit(), as when ingest fails part-way.
    }
    Xapian::Database db(store);
    CHECK(db.get_doccount() == 2);
    CHECK(db.get_termfreq("Qhalf-done") == 0);
}

TEST_CASE("a codebook tags the batch before it commits; search and crosstab see the tags") {
    TempDir dir;
    std::string store = dir.path("store");
    {
        Xapian::WritableDatabase db = open_store_for_writing(store);
        CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", db);
        REQUIRE(load.errors.empty());
        REQUIRE(load.compiled);
        BatchResult result = ingest_file(db, dir.write("survey.csv", kSurvey), tagging_with(*load.compiled));
        CHECK(result.tagging.changed == 2);
    }
    Xapian::Database db(store);
    CHECK(db.get_termfreq("XTtransport-rural") == 1);
    CHECK(db.get_termfreq("XTinformation-sharing") == 1);
    CHECK(db.get_termfreq("XGcarers") == 1);

    SearchOptions options;
    options.query = "taxi";
    SearchResults found = search(db, options);
    CHECK(found.total == 1);
    REQUIRE(found.hits.size() == 1);
    CHECK(found.hits[0].id == "tesco-macclesfield-R1");
    CHECK(found.hits[0].snippet.find("[taxi]") != std::string::npos);
    CHECK(found.theme_counts["transport-rural"] == 1);
    CHECK(found.group_counts["carers"] == 1);

    options.query = "story theme:information-sharing";
    CHECK(search(db, options).total == 1);
    options.query = "event:\"Tesco Macclesfield\"";
    CHECK(search(db, options).total == 1);
    options.query = "channel:online-survey";
    CHECK(search(db, options).total == 1);
    // A filter applies to the whole query, not only to the word beside it.
    options.query = "taxi OR story channel:online-survey";
    SearchResults filtered = search(db, options);
    CHECK(filtered.total == 1);
    REQUIRE(filtered.hits.size() == 1);
    CHECK(filtered.hits[0].channel == "Online survey");

    Crosstab table = crosstab(db, Dimension::theme, Dimension::channel);
    REQUIRE(table.column_labels.size() == 3);
    CHECK(table.column_labels[0] == "All responses");
    CHECK(table.bases[0] == 2);
    CHECK(table.row_labels[0] == "Transport and rural access");
    CHECK(table.counts[0][0] == 1);
    CHECK(table.percent(0, 0) == doctest::Approx(50.0));
}

TEST_CASE("a codebook rule Xapian cannot parse is reported at the rule") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    CodebookLoad load = compile_codebook(
        "theme broken\n  title: Broken\n  rule: (bus OR\n", "codebook.txt", db);
    CHECK_FALSE(load.compiled);
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].headline().rfind("codebook.txt:3:9: error: rule is not a valid query: ", 0) == 0);
}

TEST_CASE("a wildcard inside NEAR is refused, as Xapian cannot match it reliably") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    CodebookLoad load = compile_codebook("theme gp\n  title: GP\n  rule: surgery OR (gp NEAR/4 wait*)\n", "c.txt", db);
    CHECK_FALSE(load.compiled);
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].headline() ==
          "c.txt:3:9: error: rule puts a wildcard inside NEAR or ADJ, which Xapian cannot match reliably: list the "
          "words instead");
}

TEST_CASE("near-identical letters far apart in one tagged batch join one campaign") {
    // A batch of several of BatchWriter's chunks, tagged before it commits,
    // with the two letters in different chunks: linking reads the band keys of
    // documents written but not yet committed.
    auto words = [](const std::string& stem, int count, int changed) {
        std::string out;
        for (int i = 1; i <= count; ++i) out += (i > 1 ? " " : "") + (i == changed ? "changed" : stem) + std::to_string(i);
        return out;
    };
    std::string csv = "Response ID,Response\n";
    for (int i = 0; i < 2600; ++i) {
        csv += "S" + std::to_string(i) + "," +
               (i == 10 ? words("w", 40, 0) : i == 2500 ? words("w", 40, 40) : words("r" + std::to_string(i) + "w", 12, 0)) + "\n";
    }
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", db);
    REQUIRE(load.compiled);
    BatchResult result = ingest_file(db, dir.write("letters.csv", csv), tagging_with(*load.compiled));
    CHECK(result.campaigns.members_added == 2);
    CHECK(list_campaigns(db).size() == 1);
    CHECK(list_campaigns(db).at(0).id == "letters-S10");
    CHECK(list_campaigns(db).at(0).size == 2);
}

TEST_CASE("a second version in a later chunk replaces the first while that one is still being built") {
    // Chunks are built on a second thread while the one before is written: the
    // second version of S10 is compared with the first once that is written,
    // and an identical copy of S20 is counted unchanged.
    std::string csv = "Response ID,Response\n";
    for (int i = 0; i < 2600; ++i) {
        const int row = i == 2100 ? 10 : i == 2200 ? 20 : i;
        csv += "S" + std::to_string(row) + "," +
               (i == 2100 ? std::string("The taxi costs too much") : "Comment number " + std::to_string(row)) + "\n";
    }
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", db);
    REQUIRE(load.compiled);
    BatchResult result = ingest_file(db, dir.write("versions.csv", csv), tagging_with(*load.compiled));
    CHECK(result.record.counts_line() == "read 2600, accepted 2599, rejected 0, unchanged 1");
    CHECK(result.record.replaced == 1);
    CHECK(db.get_doccount() == 2598);
    const std::string transport = std::string(schema::kThemePrefix) + "transport-rural";
    REQUIRE(db.get_termfreq(transport) == 1);
    Xapian::docid tagged = *db.postlist_begin(transport);
    CHECK(tagged == *db.postlist_begin("Qversions-S10"));
    CHECK(tagged == 11);  // the first version's document, in file order
    CHECK(response_from_json(db.get_document(tagged).get_data()).redacted_text == "The taxi costs too much");
}

TEST_CASE("repeats of one text without ids are numbered in file order across chunks") {
    // Responses are normalised a chunk at a time on another thread; the
    // numbers of repeated content go on across chunks, and a second ingest
    // of the same file finds every one unchanged.
    std::string csv = "Response,Event\n";
    for (int i = 0; i < 4100; ++i) csv += std::string(i == 4099 ? "Something else" : "The same words") + ",Fair\n";
    TempDir dir;
    const std::string file = dir.write("same.csv", csv);
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    CHECK(ingest_file(db, file, {}).record.counts_line() == "read 4100, accepted 4100, rejected 0, unchanged 0");
    CHECK(db.get_doccount() == 4100);
    Xapian::Document last = db.get_document(4099);
    const std::string id = response_from_json(last.get_data()).id;
    CHECK(id.size() == 16 + 5);
    CHECK(id.substr(16) == "-4099");
    CHECK(response_from_json(db.get_document(1).get_data()).id == id.substr(0, 16));
    CHECK(ingest_file(db, file, {}).record.counts_line() == "read 4100, accepted 0, rejected 0, unchanged 4100");
}
