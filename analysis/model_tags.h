#pragma once
// Where a store keeps what a model said of a response: the themes a model gave
// (Tag::source "model") and the polarity. They live in value slots only, never
// in terms or the document's data, so that tagging a store rewrites a few values
// of each response: Xapian loads every term's positions to change one term of a
// document, which made tagging a million responses take minutes.
//
//   schema::kModelThemesSlot      the model's themes, "<id> <confidence>" lines
//   one slot per theme            the confidence (0 to 1), sortable_serialise()d;
//                                 the store's metadata maps theme id -> slot, so
//                                 a query finds a theme's responses with Xapian's
//                                 own value ranges (theme_query), on a remote
//                                 shard too. A theme's slot is chosen from its id,
//                                 so stores searched together (whose metadata is
//                                 read from the first) agree on it unless two
//                                 ids collide in one of them
//   schema::kPolaritySlot,        the polarity and the model's confidence in it
//   schema::kPolarityConfidenceSlot
//
// Stores written before this kept them as terms (XT<id>, XSmodel, XP<polarity>)
// and in the data: readers take both, and retagging moves a response's to slots.
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "ingest/response.h"

namespace yousaid {

// A store's theme id -> slot map. Lives no longer than the transaction it
// writes in, like FacetCodeWriter, and shares its locking: one thread calls
// slot_for; when another writes to `db` meanwhile, both hold `db_lock`.
class ModelThemeSlots {
public:
    explicit ModelThemeSlots(Xapian::WritableDatabase& db, std::mutex* db_lock = nullptr);
    // The theme's slot, given a new one (recorded in the store's metadata) the first time.
    Xapian::valueno slot_for(const std::string& theme_id);

private:
    Xapian::WritableDatabase& db_;
    std::mutex* db_lock_;
    std::map<std::string, Xapian::valueno> known_;
};

// Every theme a model has given in the store, with its slot.
std::map<std::string, Xapian::valueno> model_theme_slots(const Xapian::Database& db);

// Every slot a response in the store can hold a value in, ascending: the
// schema's (schema::Slot, 11 included for older stores) and each model theme's.
// Rewriting a response with its values taken from these slots alone (as
// tag_store does) would lose a value written anywhere else.
std::vector<Xapian::valueno> response_value_slots(const Xapian::Database& db);

// The response as stored: the record in the document's data with the model's
// themes and polarity from their slots. Throws std::runtime_error as response_from_json.
Response stored_response(const Xapian::Document& doc);

// A document's values as read apart from it, as (slot, value) pairs.
using SlotValues = std::vector<std::pair<Xapian::valueno, std::string>>;

// The slots stored_response reads, for reading them apart from the data.
struct ModelTagValues {
    std::string themes, polarity, polarity_confidence;
    static ModelTagValues of(const Xapian::Document& doc);
    static ModelTagValues of(const SlotValues& values);
};
// `record` (a document's data) with what models said from `values`; a record
// that holds them itself (record_holds_model_tags) as it is.
Response with_model_tags(Response record, const ModelTagValues& values);

// The record of `r` as the document's data holds it: without what models said.
Response record_of(const Response& r);

// The tags of a record, copied without its text and attributes: what
// retagging compares, indexes as terms and keeps in the data.
struct RecordTags {
    std::vector<Tag> themes, groups;
    std::vector<std::string> removed_themes, removed_groups;
    std::string polarity;
    double polarity_confidence = 0;
    bool operator==(const RecordTags&) const = default;
    // The tags of `record` as they are (a record read from a document's data).
    static RecordTags of(const Response& record);
};
// The tags record_of(r) holds.
RecordTags record_tags_of(const Response& r);

// Whether a record read from a document's data holds what a model said, as
// records written before model tags moved to slots did (with terms to match).
bool record_holds_model_tags(const Response& record);
bool record_holds_model_tags(const RecordTags& record);

// Sets the model's slots of `doc` from `before` (as stored) to `after`.
void write_model_tags(Xapian::Document& doc, const Response& before, const Response& after, ModelThemeSlots& slots);

// The responses holding a theme, from any source: its term or its model slot.
Xapian::Query theme_query(const Xapian::Database& db, const std::string& theme_id);
// The same with the store's model_theme_slots() read once.
Xapian::Query theme_query(const std::map<std::string, Xapian::valueno>& model_slots, const std::string& theme_id);
// The responses of a polarity (one of kPolarities).
Xapian::Query polarity_query(const std::string& polarity);

// Whether the document holds a theme a model gave, by docid, for docids up to db.get_lastdocid().
std::vector<bool> model_tagged_documents(const Xapian::Database& db);
// How many responses hold a theme a model gave.
Xapian::doccount model_tagged_count(const Xapian::Database& db);

}  // namespace yousaid
