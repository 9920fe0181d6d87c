#pragma once
// Every term prefix, value slot and metadata key of the store, in one place.
// Prefixes follow Xapian Omega's conventions (Q for the unique id, D/M/Y for
// dates, X... for our own). The index side (document_builder) and the query
// side (query_parser) both take them from here.
#include <string>

namespace yousaid::schema {

// Term prefixes. Boolean filter terms hold slugs (see ingest/unicode_text.h).
inline constexpr const char* kIdPrefix = "Q";           // Q<response id>, unique
inline constexpr const char* kDayPrefix = "D";          // D20140621
inline constexpr const char* kMonthPrefix = "M";        // M201406
inline constexpr const char* kYearPrefix = "Y";         // Y2014
inline constexpr const char* kBatchPrefix = "XB";       // XB<batch id>
inline constexpr const char* kEventPrefix = "XE";       // XE<event slug>
inline constexpr const char* kChannelPrefix = "XC";     // XC<channel slug>
inline constexpr const char* kQuestionPrefix = "XQ";    // XQ<question slug>
inline constexpr const char* kThemePrefix = "XT";       // XT<theme id>
inline constexpr const char* kGroupPrefix = "XG";       // XG<group id>
inline constexpr const char* kAttributePrefix = "XA";   // XA<attribute>:<value slug>
// XK<campaign id>: members of a campaign, in stores written before campaigns
// were kept in kCampaignSlot alone; a member rewritten loses it.
inline constexpr const char* kCampaignPrefix = "XK";
// XH<band><hash>: MinHash LSH buckets, one term per band, as stores written
// before kNearDuplicateSlot carry them; linking still reads them there.
inline constexpr const char* kNearDuplicatePrefix = "XH";
inline constexpr const char* kTagSourcePrefix = "XS";  // XSmanual: holds a theme coded by hand
// Stores written before model tags moved to value slots (analysis/model_tags.h)
// also hold XSmodel (a theme from a model), XT<id> for a model's theme and
// XP<polarity>; readers still take them.
inline constexpr const char* kModelSource = "model";
inline constexpr const char* kPolarityPrefix = "XP";

// Value slots.
enum Slot : unsigned {
    kDateSlot = 0,         // YYYYMMDD, for sorting and date ranges
    kEventSlot = 1,        // event name as written
    kChannelSlot = 2,      // channel name as written
    kQuestionSlot = 3,     // question as written
    kContentHashSlot = 4,  // SHA-1 of what the response was built from: unchanged if equal
    kThemesSlot = 5,       // theme ids joined by '\n', for exact facets
    kGroupsSlot = 6,       // group ids joined by '\n'
    kBatchSlot = 7,        // batch id
    kCampaignSlot = 8,     // campaign id (the id of its first member), empty when not in one
    kRespondentSlot = 9,   // who gave the response (see Response::respondent)
    kPolaritySlot = 10,    // "positive", "mixed" or "negative"; empty when not known
    // 11 held an earlier form of the facets value; stores with it count facets
    // from the slots above.
    // Every facet of the document in one value of small numbers, so search
    // reads a few bytes per match (analysis/facet_codes.h).
    kFacetsSlot = 12,
    // The text's MinHash LSH band keys for campaign linking (analysis/campaigns.h);
    // none for a text too short to be in a campaign.
    kNearDuplicateSlot = 13,
    // What models said (analysis/model_tags.h): their themes as "<id> <confidence>"
    // lines, and the confidence in kPolaritySlot's polarity, sortable_serialise()d.
    kModelThemesSlot = 14,
    kPolarityConfidenceSlot = 15,
    // Each theme a model gave has a slot of its own from here on, holding the
    // confidence (model_theme_slots).
    kFirstModelThemeSlot = 1000,
};

// Metadata keys. A batch's record is written in the same commit as its documents.
inline constexpr const char* kBatchKeyPrefix = "batch:";      // batch:<id> -> JSON
inline constexpr const char* kRejectsKeyPrefix = "rejects:";  // rejects:<id> -> JSON lines
inline constexpr const char* kCodebookKey = "codebook";       // the codebook text last tagged with
inline constexpr const char* kAuditKeyPrefix = "audit:";      // audit:<zero-padded sequence> -> JSON
inline constexpr const char* kModelThemeSlotKeyPrefix = "model_theme_slot:";  // <theme id> -> slot
inline constexpr const char* kSchemaVersionKey = "schema";
inline constexpr const char* kSchemaVersion = "1";

// Separator of multi-valued slots.
inline constexpr char kListSeparator = '\n';
// The kinds of facet (analysis/facet_codes.h): theme id, group id, event,
// channel, polarity.
inline constexpr char kThemeFacet = 'T', kGroupFacet = 'G', kEventFacet = 'E', kChannelFacet = 'C',
                      kPolarityFacet = 'P';

}  // namespace yousaid::schema
