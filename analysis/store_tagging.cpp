#include "analysis/store_tagging.h"

#include <future>
#include <optional>

#include "analysis/document_builder.h"
#include "analysis/model_tagger.h"
#include "analysis/model_tags.h"
#include "analysis/parallel_for.h"
#include "analysis/schema.h"
#include "analysis/tagger.h"

namespace yousaid {

namespace {

constexpr std::size_t kChunk = 4096;  // responses read, predicted, then written at a time

// A part of the store as read, with what each model predicts for it.
struct Part {
    std::vector<Xapian::docid> docids;
    std::vector<std::string> data;
    std::vector<ModelTagValues> values;
    std::vector<Response> responses;  // as stored: with what models said
    // Whether the record holds what models said, as those written before their slots do.
    std::vector<char> old_form;
    std::vector<std::vector<std::vector<LabelScore>>> predicted;  // per response, per model
};

Part read_part(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& docids, std::size_t from) {
    Part part;
    const std::size_t to = std::min(docids.size(), from + kChunk);
    part.docids.assign(docids.begin() + from, docids.begin() + to);
    for (Xapian::docid docid : part.docids) {
        const Xapian::Document doc = db.get_document(docid);
        part.data.push_back(doc.get_data());
        part.values.push_back(ModelTagValues::of(doc));
    }
    return part;
}

void predict_part(Part& part, const ModelApplication& application, unsigned threads) {
    part.responses.resize(part.data.size());
    part.old_form.resize(part.data.size());
    part.predicted.resize(part.data.size());
    parallel_for(part.data.size(), threads, [&](std::size_t i) {
        Response record = response_from_json(part.data[i]);
        part.old_form[i] = record_holds_model_tags(record);
        part.responses[i] = with_model_tags(std::move(record), part.values[i]);
        part.predicted[i] = application.predict(part.responses[i].redacted_text);
    });
}

}  // namespace

StoreTagging tag_store(Xapian::WritableDatabase& db, const std::vector<const TextModel*>& models,
                       const CompiledCodebook* codebook, unsigned threads) {
    // The rules are run over the store before anything is written: they look
    // at the text alone, which tagging leaves as it is.
    std::optional<StoreRules> rules;
    if (codebook) rules.emplace(db, *codebook);
    const ModelApplication application(models);

    std::vector<Xapian::docid> docids;  // first, as retagging changes the store under the iterator
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) docids.push_back(*it);

    StoreTagging summary;
    summary.changed_by_model.assign(models.size(), 0);
    DocumentBuilder builder(db);
    // The models predict on all the threads but the one that writes.
    auto predicted = [&](Part part) {
        predict_part(part, application, threads > 1 ? threads - 1 : 1);
        return part;
    };
    std::future<Part> next;
    if (!docids.empty()) next = std::async(std::launch::async, predicted, read_part(db, docids, 0));
    for (std::size_t from = 0; from < docids.size(); from += kChunk) {
        Part part = next.get();
        if (from + kChunk < docids.size()) {
            next = std::async(std::launch::async, predicted, read_part(db, docids, from + kChunk));
        }
        for (std::size_t i = 0; i < part.docids.size(); ++i) {
            ++summary.examined;
            const Response& before = part.responses[i];
            Response after = before;
            application.apply(part.predicted[i], after, summary.changed_by_model);
            if (rules) summary.changed_by_rules += rules->apply(part.docids[i], after);
            // A record holding what models said was written before their slots: rewritten, it moves there.
            if (after.themes == before.themes && after.groups == before.groups && after.polarity == before.polarity &&
                after.polarity_confidence == before.polarity_confidence && !part.old_form[i]) {
                continue;
            }
            // Xapian rewrites only what changed of the document it opened last
            // (else every term's positions too), so each is opened just before
            // it is changed.
            Xapian::Document document = db.get_document(part.docids[i], Xapian::DOC_ASSUME_VALID);
            // A record in the old form is the response as read (with_model_tags).
            builder.retag(document, before, after, part.old_form[i] ? &before : nullptr);
            db.replace_document(part.docids[i], document);
            ++summary.changed;
        }
    }
    if (codebook) db.set_metadata(schema::kCodebookKey, codebook->text);
    return summary;
}

}  // namespace yousaid
