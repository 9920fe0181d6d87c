#include <cstdio>

#include <doctest/doctest.h>

#include "analysis/batch_writer.h"
#include "analysis/campaigns.h"
#include "analysis/crosstab.h"
#include "analysis/crosstab_output.h"
#include "analysis/minhash.h"
#include "analysis/schema.h"
#include "analysis/store.h"
#include "analysis/store_summary.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

struct Submission {
    std::string id;
    std::string text;
    std::string event = "Online survey";
    std::string theme = "";
};

// Writes one batch through BatchWriter, links it into campaigns, commits.
CampaignLinking write_batch(Xapian::WritableDatabase& db, const std::string& batch,
                            const std::vector<Submission>& submissions) {
    BatchRecord record;
    record.id = batch;
    BatchWriter writer(db, record);
    for (const Submission& s : submissions) {
        Response r;
        r.id = s.id;
        r.batch = batch;
        r.event = s.event;
        r.channel = "Online survey";
        r.original_text = r.redacted_text = s.text;
        if (!s.theme.empty()) r.themes.push_back({s.theme, "rule", 1.0});
        writer.put(r);
    }
    CampaignLinking linking = link_campaigns(db, writer.written());
    writer.commit();
    return linking;
}

std::string campaign_of(const Xapian::Database& db, const std::string& response_id) {
    Xapian::PostingIterator p = db.postlist_begin(schema::kIdPrefix + response_id);
    REQUIRE(p != db.postlist_end(schema::kIdPrefix + response_id));
    Xapian::Document doc = db.get_document(*p);
    std::string slot = doc.get_value(schema::kCampaignSlot);
    CHECK(response_from_json(doc.get_data()).campaign == slot);
    return slot;
}

// How many responses carry the campaign id in their value.
Xapian::doccount members_of(const Xapian::Database& db, const std::string& campaign) {
    Xapian::doccount n = 0;
    for (auto v = db.valuestream_begin(schema::kCampaignSlot); v != db.valuestream_end(schema::kCampaignSlot); ++v) {
        n += *v == campaign;
    }
    return n;
}

// `count` distinct words w1 w2 ... : a letter whose every shingle is different.
std::string letter(int count, const std::string& stem = "w") {
    std::string out;
    for (int i = 1; i <= count; ++i) out += (i > 1 ? " " : "") + stem + std::to_string(i);
    return out;
}

// The letter with its words from..to (1-based) replaced.
std::string with_words_changed(int count, int from, int to) {
    std::string out;
    for (int i = 1; i <= count; ++i) {
        out += (i > 1 ? " " : "") + std::string(i >= from && i <= to ? "changed" : "w") + std::to_string(i);
    }
    return out;
}

const std::string kLetter =
    "Keep Congleton War Memorial Hospital open! We need local beds, not a trip to Macclesfield.";

}  // namespace

TEST_CASE("words for comparison: case folded, punctuation and redaction labels left out") {
    CHECK(comparison_words("Ring ME on [phone], or e-mail [email]. Don’t wait!") ==
          std::vector<std::string>{"ring", "me", "on", "or", "e", "mail", "dont", "wait"});
    CHECK(comparison_words("See [NHS number] now") == std::vector<std::string>{"see", "now"});
    CHECK(comparison_words("a [b1] c") == std::vector<std::string>{"a", "b1", "c"});
    CHECK(word_shingles("Too much jargon!") == std::vector<std::string>{"too much jargon"});
    CHECK(word_shingles("Jargon!") == std::vector<std::string>{"jargon"});
    CHECK(word_shingles("No jargon") == std::vector<std::string>{"no jargon"});
    CHECK(word_shingles("[phone]").empty());
    CHECK(word_shingles("a b c a b c") == std::vector<std::string>{"a b c", "b c a", "c a b"});
    CHECK(jaccard({"a", "b", "c"}, {"b", "c", "d"}) == doctest::Approx(0.5));
}

TEST_CASE("the band signature is stable: the same text gives the same value on every run") {
    std::string signature = near_duplicate_signature(kLetter);
    REQUIRE(signature.size() == 4 * static_cast<std::size_t>(kMinHashBands));
    // Band 0's key is the low 32 bits of its band hash, little-endian.
    std::uint64_t band0 = minhash_bands(word_shingles(comparison_words(kLetter)))[0];
    CHECK(static_cast<unsigned char>(signature[0]) == (band0 & 0xff));
    CHECK(static_cast<unsigned char>(signature[3]) == ((band0 >> 24) & 0xff));
    CHECK(near_duplicate_signature("KEEP congleton war memorial hospital open we need local beds not a trip to "
                                   "macclesfield!!!") == signature);
    CHECK(near_duplicate_signature(letter(20)) != signature);
    CHECK(near_duplicate_signature("").empty());
    // Hashed shingles give the same bands as the shingles themselves.
    std::vector<std::string> shingles = word_shingles(kLetter);
    CHECK(minhash_bands(shingle_hashes(shingles)) == minhash_bands(shingles));
    CHECK(jaccard(shingle_hashes(word_shingles(letter(40))), shingle_hashes(word_shingles(with_words_changed(40, 40, 40)))) ==
          doctest::Approx(37.0 / 39.0));
}

TEST_CASE("a document keeps its band keys in one value, not a term per band") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    write_batch(db, "b1", {{"on-1", kLetter}, {"on-2", "Parking"}});
    CHECK(db.get_document(1).get_value(schema::kNearDuplicateSlot) == near_duplicate_signature(kLetter));
    CHECK(db.get_document(2).get_value(schema::kNearDuplicateSlot).empty());
    CHECK(db.allterms_begin(schema::kNearDuplicatePrefix) == db.allterms_end(schema::kNearDuplicatePrefix));
}

TEST_CASE("a store written with band terms still links new responses to its old ones") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    write_batch(db, "b1", {{"old-1", letter(40)}, {"old-2", "Something else entirely, in more than ten words here."}});
    // Make old-1 as an earlier version wrote it: a term per band, no value.
    Xapian::Document doc = db.get_document(1);
    doc.remove_value(schema::kNearDuplicateSlot);
    std::vector<std::uint64_t> bands = minhash_bands(word_shingles(letter(40)));
    for (std::size_t band = 0; band < bands.size(); ++band) {
        char term[48];
        std::snprintf(term, sizeof term, "XH%02zu%016llx", band, static_cast<unsigned long long>(bands[band]));
        doc.add_boolean_term(term);
    }
    db.replace_document(1, doc);
    db.commit();
    REQUIRE(db.get_document(1).get_value(schema::kNearDuplicateSlot).empty());

    write_batch(db, "b2", {{"new-1", with_words_changed(40, 40, 40)}});
    CHECK(campaign_of(db, "new-1") == "old-1");
    CHECK(campaign_of(db, "old-1") == "old-1");
}

TEST_CASE("identical submissions form one campaign named by its first member; different ones stay out") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    CampaignLinking linking = write_batch(db, "b1",
                                          {{"on-1", kLetter},
                                           {"on-2", "The bus only runs twice a week."},
                                           {"on-3", kLetter},
                                           {"on-4", "KEEP CONGLETON WAR MEMORIAL HOSPITAL OPEN!! We need local "
                                                    "beds not a trip to Macclesfield"}});
    CHECK(linking.campaigns_touched == 1);
    CHECK(linking.members_added == 3);
    CHECK(campaign_of(db, "on-1") == "on-1");
    CHECK(campaign_of(db, "on-3") == "on-1");
    CHECK(campaign_of(db, "on-4") == "on-1");
    CHECK(campaign_of(db, "on-2") == "");
    CHECK(members_of(db, "on-1") == 3);
    CHECK(members_of(db, "on-2") == 0);

    // A later batch joins the campaign and keeps its id.
    linking = write_batch(db, "b2", {{"tel-9", kLetter, "Telephone survey"}, {"tel-10", "Too much jargon."}});
    CHECK(linking.campaigns_touched == 1);
    CHECK(linking.members_added == 1);
    CHECK(campaign_of(db, "tel-9") == "on-1");
    CHECK(campaign_of(db, "tel-10") == "");
    CHECK(members_of(db, "on-1") == 4);
}

TEST_CASE("short answers repeat by chance: they are never a campaign") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    std::string nine = "I never know who to ring about it all.";  // 9 words
    REQUIRE(comparison_words(nine).size() + 1 == kCampaignMinWords);
    CHECK(near_duplicate_signature(nine).empty());
    CHECK(near_duplicate_signature(nine + " Nobody").size() == 4 * static_cast<std::size_t>(kMinHashBands));
    write_batch(db, "b1", {{"on-1", "Parking"}, {"on-2", "Parking"}, {"on-3", "parking!"}, {"on-4", nine},
                           {"on-5", nine}, {"on-6", nine + " Nobody"}, {"on-7", nine + " Nobody"}});
    CHECK(campaign_of(db, "on-2") == "");
    CHECK(campaign_of(db, "on-5") == "");
    CHECK(campaign_of(db, "on-7") == "on-6");
    CHECK(list_campaigns(db).size() == 1);
}

TEST_CASE("near-identical letters: one word changed is the same campaign, a different letter is not") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    // A 40-word letter signed with a different name: Jaccard 37/39 = 0.95. (One
    // word changed in its middle touches three shingles: 35/41 = 0.85, below 0.9;
    // a middle word needs a letter of 59 words or more.)
    write_batch(db, "b1",
                {{"a-1", letter(40)},
                 {"a-2", with_words_changed(40, 40, 40)},
                 {"c-1", with_words_changed(40, 20, 20)},  // 0.85 with a-1
                 {"d-1", letter(40, "x")}});
    CHECK(campaign_of(db, "a-1") == "a-1");
    CHECK(campaign_of(db, "a-2") == "a-1");
    CHECK(campaign_of(db, "c-1") == "");
    CHECK(campaign_of(db, "d-1") == "");
}

TEST_CASE("a middle word changed in a long letter is still the same campaign") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    write_batch(db, "b1", {{"a-1", letter(70)}, {"a-2", with_words_changed(70, 35, 35)}});  // 65/71 = 0.92
    CHECK(campaign_of(db, "a-2") == "a-1");
}

TEST_CASE("a response linking two campaigns merges them under the earliest member's id") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    // A and C differ in their first three and last three words (Jaccard 52/64 =
    // 0.81); B shares A's start and C's end (55/61 = 0.90 with each).
    std::string a = letter(60);
    std::string b = with_words_changed(60, 58, 60);
    std::string c = b;
    c.replace(0, 8, "changed1 changed2 changed3");
    REQUIRE(c.rfind("changed1 changed2 changed3 w4 ", 0) == 0);
    REQUIRE(jaccard(word_shingles(a), word_shingles(c)) < kCampaignJaccard);
    REQUIRE(jaccard(word_shingles(a), word_shingles(b)) >= kCampaignJaccard);
    REQUIRE(jaccard(word_shingles(b), word_shingles(c)) >= kCampaignJaccard);

    write_batch(db, "b1", {{"a-1", a}, {"a-2", a}});
    write_batch(db, "b2", {{"c-1", c}, {"c-2", c}});
    CHECK(campaign_of(db, "c-1") == "c-1");
    CHECK(campaign_of(db, "a-2") == "a-1");

    CampaignLinking linking = write_batch(db, "b3", {{"b-1", b}});
    CHECK(linking.members_added == 1);
    CHECK(linking.campaigns_touched == 1);
    for (const char* id : {"a-1", "a-2", "c-1", "c-2", "b-1"}) {
        CAPTURE(id);
        CHECK(campaign_of(db, id) == "a-1");
    }
    CHECK(members_of(db, "c-1") == 0);
    CHECK(members_of(db, "a-1") == 5);
}

TEST_CASE("a response deleted since the last commit is no campaign member") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    write_batch(db, "b1", {{"on-1", kLetter}, {"on-2", letter(30)}});
    // on-2 goes, uncommitted; on-3, the same letter, comes.
    db.delete_document(2);
    BatchRecord record;
    record.id = "b2";
    BatchWriter writer(db, record, nullptr, false);
    Response r;
    r.id = "on-3";
    r.batch = "b2";
    r.event = r.channel = "Online survey";
    r.original_text = r.redacted_text = letter(30);
    writer.put(r);
    CampaignLinking linking;
    REQUIRE_NOTHROW(linking = link_campaigns(db, writer.written()));
    writer.commit();
    CHECK(linking.members_added == 0);
    CHECK(campaign_of(db, "on-3").empty());
    CHECK(campaign_of(db, "on-1").empty());
}

TEST_CASE("linking again changes nothing") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    write_batch(db, "b1", {{"on-1", kLetter}, {"on-2", kLetter}, {"on-3", "Something else entirely."}});
    std::string before = db.get_document(2).get_data();
    CampaignLinking again = link_campaigns(db, {1, 2, 3});
    CHECK(again.campaigns_touched == 0);
    CHECK(again.members_added == 0);
    CHECK(db.get_document(2).get_data() == before);
    CHECK(members_of(db, "on-1") == 2);

    // Ingesting the same responses again leaves them and their campaign alone.
    again = write_batch(db, "b1", {{"on-1", kLetter}, {"on-2", kLetter}});
    CHECK(again.members_added == 0);
    CHECK(campaign_of(db, "on-2") == "on-1");
}

TEST_CASE("a first member whose text changes leaves its campaign to the next earliest") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    write_batch(db, "b1", {{"on-1", kLetter}, {"on-2", kLetter}, {"on-3", kLetter}, {"on-4", "Other."}});
    write_batch(db, "b2", {{"on-1", "I changed my mind about the whole thing."}});
    CHECK(campaign_of(db, "on-1") == "");
    CHECK(campaign_of(db, "on-2") == "on-2");
    CHECK(campaign_of(db, "on-3") == "on-2");
    CHECK(members_of(db, "on-1") == 0);

    // Down to one member, a campaign is no more.
    write_batch(db, "b3", {{"on-2", "Changed too."}});
    CHECK(campaign_of(db, "on-3") == "");
    CHECK(members_of(db, "on-2") == 0);
}

TEST_CASE("campaigns are kept in a value; a store with campaign terms reads as before and loses them as it relinks") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    write_batch(db, "b1", {{"on-1", kLetter}, {"on-2", kLetter}, {"on-3", "Other."}});
    CHECK(db.allterms_begin(schema::kCampaignPrefix) == db.allterms_end(schema::kCampaignPrefix));
    CHECK(members_of(db, "on-1") == 2);

    // As an earlier version wrote them: each member with its campaign's term too.
    for (Xapian::docid d : {1u, 2u}) {
        Xapian::Document doc = db.get_document(d);
        doc.add_boolean_term(std::string(schema::kCampaignPrefix) + "on-1");
        db.replace_document(d, doc);
    }
    db.commit();
    REQUIRE(db.get_termfreq("XKon-1") == 2);
    std::vector<Campaign> listed = list_campaigns(db);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].size == 2);

    // on-1's new text leaves the campaign to on-2, a new member joins: both rewritten without the term.
    write_batch(db, "b2", {{"on-1", "I changed my mind about the whole thing."}, {"on-4", kLetter}});
    CHECK(campaign_of(db, "on-2") == "on-2");
    CHECK(campaign_of(db, "on-4") == "on-2");
    CHECK(members_of(db, "on-2") == 2);
    CHECK(db.get_termfreq("XKon-1") == 0);
    CHECK(db.get_termfreq("XKon-2") == 0);
}

TEST_CASE("the campaign survives the response record's JSON") {
    Response r;
    r.id = "x";
    r.campaign = "on-1";
    CHECK(response_from_json(to_json(r)).campaign == "on-1");
    std::string without = to_json(Response{});
    CHECK(without.find("campaign") == std::string::npos);  // none: not written
    CHECK(response_from_json(without).campaign == "");
}

TEST_CASE("crosstab and the store summary count a campaign once unless every member is asked for") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    write_batch(db, "b1",
                {{"on-1", kLetter, "Online survey", "local"},
                 {"on-2", kLetter, "Online survey", "local"},
                 {"on-3", kLetter, "Online survey", "local"},
                 {"on-4", "The bus only runs twice a week.", "Online survey", "transport"}});

    Crosstab once = crosstab(db, Dimension::theme, Dimension::channel);
    CHECK(once.bases[0] == 2);
    REQUIRE(once.row_keys.size() == 2);
    CHECK(once.counts[0][0] == 1);
    CHECK(once.counts[1][0] == 1);
    CHECK(once.campaigns == 1);
    CHECK(once.campaign_members == 3);
    CHECK(crosstab_text(once).find(
              "\nCampaigns counted once: 1 campaign with 3 responses (use --every-member to count each).\n") !=
          std::string::npos);

    CrosstabOptions options;
    options.every_member = true;
    Crosstab every = crosstab(db, Dimension::theme, Dimension::channel, options);
    CHECK(every.bases[0] == 4);
    CHECK(every.row_keys[0] == "local");
    CHECK(every.counts[0][0] == 3);
    CHECK(crosstab_text(every).find("\nCampaigns: every response counted, 1 campaign with 3 responses.\n") !=
          std::string::npos);

    StoreSummary summary = summarise_store(db);
    CHECK(summary.responses == 4);
    CHECK(summary.counted == 2);
    CHECK(summary.campaigns == 1);
    CHECK(summary.campaign_members == 3);
    CHECK(summary.by_theme["local"] == 1);
    CHECK(summary.by_channel["Online survey"] == 2);
}

TEST_CASE("campaigns are listed largest first with their events and first text") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    write_batch(db, "b1",
                {{"on-1", "Save our bus route, it is the only way to the surgery.", "Online survey"},
                 {"on-2", kLetter, "Online survey"},
                 {"on-3", "Save our bus route, it is the only way to the surgery!", "Library"},
                 {"on-4", kLetter, "Morrisons Congleton"},
                 {"on-5", kLetter + " ", "Morrisons Congleton"},
                 {"on-6", "Nothing like the others."}});
    std::vector<Campaign> campaigns = list_campaigns(db);
    REQUIRE(campaigns.size() == 2);
    CHECK(campaigns[0].id == "on-2");
    CHECK(campaigns[0].size == 3);
    CHECK(campaigns[0].text == kLetter);
    CHECK(campaigns[0].events == std::vector<std::string>{"Morrisons Congleton", "Online survey"});
    CHECK(campaigns[0].channels == std::vector<std::string>{"Online survey"});
    CHECK(campaigns[1].id == "on-1");
    CHECK(campaigns[1].size == 2);
    CHECK(list_campaigns(db, 3).size() == 1);
    CHECK(list_campaigns(db, 4).empty());
}
