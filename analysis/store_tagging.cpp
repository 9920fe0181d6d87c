#include "analysis/store_tagging.h"

#include <future>
#include <optional>

#include "analysis/document_builder.h"
#include "analysis/model_tagger.h"
#include "analysis/model_tags.h"
#include "analysis/ordered_prefetch.h"
#include "analysis/parallel_for.h"
#include "analysis/schema.h"
#include "analysis/store.h"
#include "analysis/tagger.h"

namespace yousaid {

namespace {

constexpr std::size_t kChunk = 4096;  // responses read, predicted, then written at a time
constexpr int kMergeEvery = 65536;    // responses written between merges of their values (store.h)
// Parts read and decided before the writing thread takes them: enough to keep
// the other threads busy through a merge (a second or so), few enough to hold.
constexpr std::size_t kPartsAhead = 8;

// A part of the store as read, with what its responses' tags become.
struct Part {
    std::vector<Xapian::docid> docids;
    std::vector<std::string> data;
    std::vector<ModelTagValues> values;
    // Every value of each response, when the part was read from value streams
    // (read_part_streams); empty otherwise.
    std::vector<SlotValues> all_values;
    std::vector<Response> before, after;  // as stored (with what models said), and as it is to be
    // Whether the record holds what models said, as those written before their slots do.
    std::vector<char> old_form;
    std::vector<std::vector<int>> changed_by_model;  // per response: 1 for each model that changed it
    std::vector<char> changed_by_rules;
};

Part part_of(const std::vector<Xapian::docid>& docids, std::size_t from) {
    Part part;
    part.docids.assign(docids.begin() + from, docids.begin() + std::min(docids.size(), from + kChunk));
    return part;
}

// Reads each response's record and what models said of it.
Part read_part(const Xapian::Database& db, const std::vector<Xapian::docid>& docids, std::size_t from) {
    Part part = part_of(docids, from);
    for (Xapian::docid docid : part.docids) {
        const Xapian::Document doc = db.get_document(docid);
        part.data.push_back(doc.get_data());
        part.values.push_back(ModelTagValues::of(doc));
    }
    return part;
}

// Reads each response's record and every value it holds, slot by slot along
// Xapian's value streams (ascending docids). Xapian reads all of a stored
// document's values to change one, a B-tree lookup per slot and response
// (half of tagging's writing time); along the streams they cost a fiftieth.
Part read_part_streams(const Xapian::Database& db, const std::vector<Xapian::valueno>& slots,
                       const std::vector<Xapian::docid>& docids, std::size_t from) {
    Part part = part_of(docids, from);
    for (Xapian::docid docid : part.docids) part.data.push_back(db.get_document(docid).get_data());
    part.all_values.resize(part.docids.size());
    for (Xapian::valueno slot : slots) {
        auto value = db.valuestream_begin(slot);
        const auto end = db.valuestream_end(slot);
        if (value != end) value.skip_to(part.docids.front());
        for (std::size_t i = 0; value != end && value.get_docid() <= part.docids.back(); ++value) {
            while (part.docids[i] < value.get_docid()) ++i;
            if (part.docids[i] == value.get_docid()) part.all_values[i].emplace_back(slot, *value);
        }
    }
    for (const auto& values : part.all_values) part.values.push_back(ModelTagValues::of(values));
    return part;
}

// What the models, then the rules, make of each response's tags.
void decide_part(Part& part, const ModelApplication& application, std::size_t models, const StoreRules* rules,
                 unsigned threads) {
    const std::size_t n = part.data.size();
    part.before.resize(n);
    part.after.resize(n);
    part.old_form.resize(n);
    part.changed_by_model.assign(n, std::vector<int>(models, 0));
    part.changed_by_rules.resize(n);
    parallel_for(n, threads, [&](std::size_t i) {
        Response record = response_from_json(part.data[i]);
        part.old_form[i] = record_holds_model_tags(record);
        part.before[i] = with_model_tags(std::move(record), part.values[i]);
        Response after = part.before[i];
        application.apply(application.predict(after.redacted_text), after, part.changed_by_model[i]);
        if (rules) part.changed_by_rules[i] = rules->apply(part.docids[i], after);
        part.after[i] = std::move(after);
    });
}

}  // namespace

StoreTagging tag_store(Xapian::WritableDatabase& db, const std::vector<const TextModel*>& models,
                       const CompiledCodebook* codebook, unsigned threads, const Xapian::Database* reader) {
    // The rules are run over the store before anything is written: they look
    // at the text alone, which tagging leaves as it is.
    std::optional<StoreRules> rules;
    if (codebook) rules.emplace(db, *codebook, reader);
    const ModelApplication application(models);

    std::vector<Xapian::docid> docids;  // first, as retagging changes the store under the iterator
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) docids.push_back(*it);

    StoreTagging summary;
    summary.changed_by_model.assign(models.size(), 0);
    DocumentBuilder builder(db);
    const std::vector<Xapian::valueno> slots = reader ? response_value_slots(*reader) : std::vector<Xapian::valueno>();
    auto decided = [&](Part part) {
        decide_part(part, application, models.size(), rules ? &*rules : nullptr, threads);
        return part;
    };
    // Parts are read and decided on `threads` other threads while this one
    // writes: given `reader`, up to kPartsAhead parts ahead, at a lower
    // priority, so that this thread (which does what cannot be shared) never
    // waits for a core, and the others keep deciding while it merges.
    // Without, each part is read here, and decided while the last is written.
    const std::size_t parts = (docids.size() + kChunk - 1) / kChunk;
    std::optional<OrderedPrefetch<Part>> ahead;
    if (reader) {
        ahead.emplace(parts, kPartsAhead,
                      [&](std::size_t k) { return decided(read_part_streams(*reader, slots, docids, k * kChunk)); });
    }
    std::future<Part> next;
    auto start = [&](std::size_t k) { next = std::async(std::launch::async, decided, read_part(db, docids, k * kChunk)); };
    if (!reader && parts > 0) start(0);
    int merged = 0;  // responses written when values were last merged
    for (std::size_t k = 0; k < parts; ++k) {
        Part part = ahead ? ahead->take() : next.get();
        if (!ahead && k + 1 < parts) start(k + 1);
        for (std::size_t i = 0; i < part.docids.size(); ++i) {
            ++summary.examined;
            for (std::size_t m = 0; m < models.size(); ++m) summary.changed_by_model[m] += part.changed_by_model[i][m];
            summary.changed_by_rules += part.changed_by_rules[i];
            const Response& before = part.before[i];
            const Response& after = part.after[i];
            // A record holding what models said was written before their slots: rewritten, it moves there.
            if (after.themes == before.themes && after.groups == before.groups && after.polarity == before.polarity &&
                after.polarity_confidence == before.polarity_confidence && !part.old_form[i]) {
                continue;
            }
            // Xapian rewrites only what changed of the document it opened last
            // (else every term's positions too), so each is opened just before
            // it is changed.
            Xapian::Document document = db.get_document(part.docids[i], Xapian::DOC_ASSUME_VALID);
            if (!part.all_values.empty()) {
                // Given its values as read, Xapian does not read them again.
                document.clear_values();
                for (const auto& [slot, value] : part.all_values[i]) document.add_value(slot, value);
            }
            // A record in the old form is the response as read (with_model_tags).
            builder.retag(document, before, after, part.old_form[i] ? &before : nullptr);
            db.replace_document(part.docids[i], document);
            ++summary.changed;
        }
        // Freeing a written part's records here took a tenth of the writing.
        if (ahead) ahead->give_back(std::move(part));
        if (summary.changed - merged >= kMergeEvery) {
            merge_pending_values(db);
            merged = summary.changed;
        }
    }
    if (codebook) db.set_metadata(schema::kCodebookKey, codebook->text);
    return summary;
}

}  // namespace yousaid
