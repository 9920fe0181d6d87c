#include <doctest/doctest.h>

#include <regex>

#include "analysis/audit_log.h"
#include "analysis/batch_ingest.h"
#include "analysis/document_builder.h"
#include "analysis/manual_coding.h"
#include "analysis/model_tags.h"
#include "analysis/schema.h"
#include "analysis/store.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

// survey-R1 is tagged transport-rural and carers by rule, survey-R2
// information-sharing, survey-R3 jargon-overload.
const char* kSurvey =
    "Response ID,Event,Response,Carer\r\n"
    "R1,Survey,\"The bus to the hospital only runs twice a week, so I pay for a taxi.\",yes\r\n"
    "R2,Survey,I had to tell my story six times.,no\r\n"
    "R3,Survey,Too much jargon in the leaflets.,no\r\n";

const char* kCodebook =
    "codebook: test\nversion: 1\n\n"
    "theme transport-rural\n  title: Transport\n  rule: bus OR taxi\n\n"
    "theme information-sharing\n  title: Information sharing\n  rule: \"my story\"\n\n"
    "theme jargon-overload\n  title: Jargon\n  rule: jargon\n\n"
    "group carers\n  title: Carers\n  when: carer = yes\n";

// A store holding kSurvey, tagged with kCodebook.
struct TaggedStore {
    TempDir dir;
    Xapian::WritableDatabase db;
    CompiledCodebook codebook;

    explicit TaggedStore(bool with_codebook = true) : db(open_store_for_writing(dir.path("store"))) {
        IngestOptions options;
        if (with_codebook) {
            CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", db);
            REQUIRE(load.compiled);
            codebook = *load.compiled;
            options.codebook = &codebook;
        }
        REQUIRE(ingest_file(db, dir.write("survey.csv", kSurvey), options).landed());
    }

    Response response(const std::string& id) const {
        Xapian::PostingIterator it = db.postlist_begin(id_term(id));
        REQUIRE(it != db.postlist_end(id_term(id)));
        return stored_response(db.get_document(*it));
    }

    // Every document's data and every audit entry, to show nothing changed.
    std::vector<std::string> snapshot() const {
        std::vector<std::string> out;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            out.push_back(db.get_document(*it).get_data());
        }
        for (const AuditEntry& e : list_audit_entries(db)) out.push_back(to_json(e));
        return out;
    }
};

CodingRequest request(const std::string& id, const std::vector<std::string>& changes, const std::string& note = "") {
    CodingRequest r;
    r.response_id = id;
    for (const std::string& c : changes) r.changes.push_back(parse_code_argument(c));
    r.note = note;
    return r;
}

const CodingOptions kAlice{"alice", "", "2014-08-01T09:30:00Z"};

std::string formatted(const std::vector<Diagnostic>& errors) {
    std::string out;
    for (const Diagnostic& d : errors) out += d.format();
    return out;
}

void retag(TaggedStore& store) {
    store.db.begin_transaction();
    tag_responses(store.db, store.codebook);
    store.db.commit_transaction();
}

}  // namespace

TEST_CASE("a manual add is a manual tag; a removal takes a tag off whatever its source and is remembered") {
    TaggedStore store;
    REQUIRE(describe_tags(store.response("survey-R1").themes) == "transport-rural (rule)");
    CodingResult result = apply_coding(
        store.db, {request("survey-R1", {"+information-sharing", "-transport-rural", "-group:carers"})}, kAlice);
    REQUIRE(result.errors.empty());
    CHECK(result.summary.counts_line() == "coded 1 response: 1 added, 2 removed");
    Response r1 = store.response("survey-R1");
    CHECK(describe_tags(r1.themes) == "information-sharing (manual)");
    CHECK(describe_tags(r1.groups) == "(none)");
    CHECK(r1.removed_themes == std::vector<std::string>{"transport-rural"});
    CHECK(r1.removed_groups == std::vector<std::string>{"carers"});
    // The index follows the record: search and crosstab see the manual codes.
    CHECK(store.db.get_termfreq("XTtransport-rural") == 0);
    CHECK(store.db.get_termfreq("XTinformation-sharing") == 2);
    CHECK(store.db.get_termfreq("XGcarers") == 0);
}

TEST_CASE("adding a rule's tag makes it manual; adding a removed theme back lifts the removal") {
    TaggedStore store;
    CHECK(apply_coding(store.db, {request("survey-R1", {"+transport-rural"})}, kAlice).summary.counts_line() ==
          "coded 1 response: 1 added, 0 removed");
    CHECK(describe_tags(store.response("survey-R1").themes) == "transport-rural (manual)");

    apply_coding(store.db, {request("survey-R3", {"-jargon-overload"})}, kAlice);
    CHECK(store.response("survey-R3").removed_themes == std::vector<std::string>{"jargon-overload"});
    apply_coding(store.db, {request("survey-R3", {"+jargon-overload"})}, kAlice);
    Response r3 = store.response("survey-R3");
    CHECK(describe_tags(r3.themes) == "jargon-overload (manual)");
    CHECK(r3.removed_themes.empty());

    // Coding what is already so changes nothing and logs nothing.
    CodingResult again = apply_coding(store.db, {request("survey-R3", {"+jargon-overload"})}, kAlice);
    CHECK(again.summary.counts_line() == "coded 0 responses: 0 added, 0 removed");
    CHECK(list_audit_entries(store.db).size() == 3);
}

TEST_CASE("re-tagging keeps manual adds and never puts back manual removals") {
    TaggedStore store;
    REQUIRE(apply_coding(store.db,
                         {request("survey-R1", {"-transport-rural", "+jargon-overload", "-group:carers"}),
                          request("survey-R2", {"+group:carers"})},
                         kAlice)
                .errors.empty());
    retag(store);
    Response r1 = store.response("survey-R1");
    CHECK(describe_tags(r1.themes) == "jargon-overload (manual)");
    CHECK(describe_tags(r1.groups) == "(none)");
    CHECK(describe_tags(store.response("survey-R2").groups) == "carers (manual)");
    CHECK(describe_tags(store.response("survey-R3").themes) == "jargon-overload (rule)");
    CHECK(store.db.get_termfreq("XTtransport-rural") == 0);

    // A removal lifted by a manual add: the manual tag stays through re-tagging.
    apply_coding(store.db, {request("survey-R1", {"+transport-rural"})}, kAlice);
    retag(store);
    CHECK(describe_tags(store.response("survey-R1").themes) == "jargon-overload (manual), transport-rural (manual)");
}

TEST_CASE("each changed response gets an audit entry with time, user, before, after and note, in order") {
    TaggedStore store;
    apply_coding(store.db, {request("survey-R1", {"-transport-rural"}, "the bus is not rural")}, kAlice);
    apply_coding(store.db, {request("survey-R2", {"+jargon-overload"})},
                 {"bob", "second pass", "2014-08-02T10:00:00Z"});

    std::vector<AuditEntry> entries = list_audit_entries(store.db);
    REQUIRE(entries.size() == 2);
    const AuditEntry& first = entries[0];
    CHECK(first.sequence == 1);
    CHECK(first.time == "2014-08-01T09:30:00Z");
    CHECK(first.user == "alice");
    CHECK(first.response == "survey-R1");
    CHECK(describe_tags(first.before.themes) == "transport-rural (rule)");
    CHECK(describe_tags(first.after.themes) == "(none)");
    CHECK(describe_tags(first.before.groups) == "carers (rule)");
    CHECK(describe_tags(first.after.groups) == "carers (rule)");
    CHECK(first.before.removed_themes.empty());
    CHECK(first.after.removed_themes == std::vector<std::string>{"transport-rural"});
    CHECK(first.note == "the bus is not rural");
    CHECK(entries[1].sequence == 2);
    CHECK(entries[1].user == "bob");
    CHECK(entries[1].note == "second pass");
    CHECK(describe_tags(entries[1].after.themes) == "information-sharing (rule), jargon-overload (manual)");

    CHECK(audit_entry_from_json(store.db.get_metadata("audit:0000000001")).response == "survey-R1");
    CHECK(audit_entry_from_json(store.db.get_metadata("audit:0000000002")).response == "survey-R2");
    CHECK(list_audit_entries(store.db, "survey-R2").size() == 1);

    apply_coding(store.db, {request("survey-R3", {"-jargon-overload"})}, {"carol", "", ""});
    std::string now = list_audit_entries(store.db, "survey-R3").at(0).time;
    CHECK(std::regex_match(now, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
}

TEST_CASE("a good bulk file codes every row in one go and counts what changed") {
    TaggedStore store;
    CodingResult result =
        code_from_file(store.db,
                       "id,add,remove,note\r\n"
                       "survey-R1,information-sharing; group:carers,transport-rural,wrong rule\r\n"
                       "survey-R2,jargon-overload,information-sharing,\r\n"
                       "survey-R3,,group:carers,\r\n",
                       "coding.csv", {"alice", "bulk pass", "2014-08-01T09:30:00Z"});
    REQUIRE(formatted(result.errors) == "");
    CHECK(result.summary.counts_line() == "coded 3 responses: 3 added, 3 removed");
    CHECK(describe_tags(store.response("survey-R1").themes) == "information-sharing (manual)");
    CHECK(describe_tags(store.response("survey-R1").groups) == "carers (manual)");
    CHECK(describe_tags(store.response("survey-R2").themes) == "jargon-overload (manual)");
    CHECK(store.response("survey-R3").removed_groups == std::vector<std::string>{"carers"});
    std::vector<AuditEntry> entries = list_audit_entries(store.db);
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].note == "wrong rule");
    CHECK(entries[1].note == "bulk pass");
}

TEST_CASE("a bulk file with any bad row writes nothing and reports every error at its place") {
    TaggedStore store;
    std::vector<std::string> before = store.snapshot();
    CodingResult result = code_from_file(store.db,
                                         "ID,Add,Remove\n"
                                         "survey-R1,jargon-overload,transport-rural\n"
                                         "survey-R2,transprt,\n"
                                         "survey-R9,jargon-overload,\n"
                                         "survey-R3,\"jargon-overload; group:carer\",jargon-overload\n"
                                         "survey-R2,,\n"
                                         "survey-R2,jargon-overload\n"
                                         "survey-R1,,information-sharing\n",
                                         "coding.csv", kAlice);
    CHECK(formatted(result.errors) ==
          "coding.csv:3:11: error: unknown theme \"transprt\": not in the store's codebook; close matches: "
          "transport-rural\n"
          "    survey-R2,transprt,\n"
          "              ^\n"
          "coding.csv:4:1: error: no response \"survey-R9\" in the store (yousaid search prints ids)\n"
          "    survey-R9,jargon-overload,\n"
          "    ^\n"
          "coding.csv:5:29: error: unknown group \"carer\": not in the store's codebook; close matches: carers\n"
          "    survey-R3,\"jargon-overload; group:carer\",jargon-overload\n"
          "                                ^\n"
          "coding.csv:5:42: error: theme \"jargon-overload\" is both added and removed\n"
          "    survey-R3,\"jargon-overload; group:carer\",jargon-overload\n"
          "                                             ^\n"
          "coding.csv:6:1: error: nothing to add or remove for \"survey-R2\"\n"
          "    survey-R2,,\n"
          "    ^\n"
          "coding.csv:7:1: error: row has 2 fields but the header has 3\n"
          "    survey-R2,jargon-overload\n"
          "    ^\n"
          "coding.csv:8:1: error: response \"survey-R1\" is already coded on line 2: put its changes in one row\n"
          "    survey-R1,,information-sharing\n"
          "    ^\n");
    CHECK(result.summary.responses == 0);
    CHECK(store.snapshot() == before);
}

TEST_CASE("a bulk file's header and list items are checked for form") {
    struct Case {
        const char* text;
        const char* error;
    };
    const Case cases[] = {
        {"", "f.csv:1:1: error: the file is empty: expected a header naming id, add and remove"},
        {"id,add,colour\n", "f.csv:1:8: error: unknown column \"colour\": expected id, add, remove or note"},
        {"id,add,Add\n", "f.csv:1:8: error: column \"add\" is given twice"},
        {"add,remove\n", "f.csv:1:1: error: the header has no \"id\" column"},
        {"id,note\n", "f.csv:1:1: error: the header has neither an \"add\" nor a \"remove\" column"},
        {"id,add\nR1,\"x; group: \"\n", "f.csv:2:8: error: \"group:\" needs a group id after it"},
        {"id,add\n,carers\n", "f.csv:2:1: error: the response id is empty"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CodingFile file = read_coding_file(c.text, "f.csv");
        REQUIRE(file.errors.size() == 1);
        CHECK(file.errors[0].headline() == c.error);
    }
    CodingFile good = read_coding_file("Note,ID,Remove\nchecked,R1,\" a ;; group:b ;\"\n", "f.csv");
    REQUIRE(good.errors.empty());
    REQUIRE(good.requests.size() == 1);
    CHECK(good.requests[0].note == "checked");
    REQUIRE(good.requests[0].changes.size() == 2);
    CHECK(good.requests[0].changes[0].id == "a");
    CHECK(good.requests[0].changes[0].at.column == 14);
    CHECK(good.requests[0].changes[1].group);
    CHECK(good.requests[0].changes[1].id == "b");
}

TEST_CASE("an unknown response or theme is a clear error and nothing changes") {
    TaggedStore store;
    std::vector<std::string> before = store.snapshot();
    struct Case {
        std::vector<std::string> changes;
        const char* response;
        const char* error;
    };
    const Case cases[] = {
        {{"+jargon-overload"}, "survey-R9", "no response \"survey-R9\" in the store (yousaid search prints ids)"},
        {{"-transport-rural", "+transprt"}, "survey-R1",
         "unknown theme \"transprt\": not in the store's codebook; close matches: transport-rural"},
        {{"+discharge"}, "survey-R1",
         "unknown theme \"discharge\": not in the store's codebook, whose themes are transport-rural, "
         "information-sharing, jargon-overload"},
        {{"+group:zzz"}, "survey-R1", "unknown group \"zzz\": not in the store's codebook, whose groups are carers"},
        {{"+group:jargon-overload"}, "survey-R1",
         "unknown group \"jargon-overload\": not in the store's codebook, whose groups are carers"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.error);
        CodingResult result = apply_coding(store.db, {request(c.response, c.changes)}, kAlice);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message == c.error);
        CHECK(store.snapshot() == before);
    }

    TaggedStore untagged(false);
    CodingResult result = apply_coding(untagged.db, {request("survey-R1", {"+carers"})}, kAlice);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].message ==
          "unknown theme \"carers\": the store has no codebook yet (yousaid tag --codebook FILE)");
}

TEST_CASE("a command-line change is +ID or -ID, group:ID for a group") {
    CodeChange add = parse_code_argument("+carers");
    CHECK((add.add && !add.group && add.id == "carers"));
    CodeChange remove = parse_code_argument("-group:carers");
    CHECK((!remove.add && remove.group && remove.id == "carers"));
    CHECK_THROWS_WITH(parse_code_argument("carers"),
                      "\"carers\" is not a change: write +THEME, -THEME, +group:GROUP or -group:GROUP");
    CHECK_THROWS_WITH(parse_code_argument("+"), "\"+\" names no theme: write +THEME");
    CHECK_THROWS_WITH(parse_code_argument("-group:"), "\"-group:\" names no group: write -group:GROUP");
}

TEST_CASE("a response replaced by ingest keeps its manual tags and removals") {
    Response old_version;
    old_version.themes = {{"transport-rural", "rule", 1.0}, {"information-sharing", "manual", 1.0}};
    old_version.groups = {{"carers", "manual", 1.0}};
    old_version.removed_themes = {"jargon-overload"};
    old_version.removed_groups = {"older"};
    Response new_version;
    new_version.themes = {{"jargon-overload", "rule", 1.0}, {"information-sharing", "rule", 1.0}};
    new_version.groups = {{"older", "rule", 0.6}};
    carry_manual_codes(old_version, new_version);
    CHECK(describe_tags(new_version.themes) == "information-sharing (manual)");
    CHECK(describe_tags(new_version.groups) == "carers (manual)");
    CHECK(new_version.removed_themes == std::vector<std::string>{"jargon-overload"});
    CHECK(new_version.removed_groups == std::vector<std::string>{"older"});
}

TEST_CASE("ingest of a changed file keeps the replaced response's manual codes") {
    TaggedStore store;
    REQUIRE(apply_coding(store.db, {request("survey-R2", {"-information-sharing", "+transport-rural"})}, kAlice)
                .errors.empty());
    std::string changed = kSurvey;
    changed.replace(changed.find("six times."), 10, "six times in jargon.");
    IngestOptions options;
    options.codebook = &store.codebook;
    BatchResult again = ingest_file(store.db, store.dir.write("survey-2.csv", changed), options);
    CHECK(again.record.counts_line() == "read 3, accepted 1, rejected 0, unchanged 2");
    Response r2 = store.response("survey-R2");
    CHECK(describe_tags(r2.themes) == "transport-rural (manual), jargon-overload (rule)");
    CHECK(r2.removed_themes == std::vector<std::string>{"information-sharing"});
}
