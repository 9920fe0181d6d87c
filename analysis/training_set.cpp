#include "analysis/training_set.h"

#include "ingest/response.h"
#include "ingest/unicode_text.h"

namespace yousaid {

TrainingSet training_set_from_table(const LabelTable& table) {
    TrainingSet set;
    for (const LabelledText& row : table.rows) {
        if (row.labels.empty() || trim(row.text).empty()) {
            ++set.skipped;
            continue;
        }
        set.texts.push_back(row.text);
        set.labels.push_back(row.labels);
    }
    return set;
}

TrainingSet training_set_from_store(const Xapian::Database& db) {
    TrainingSet set;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Response r = response_from_json(db.get_document(*it).get_data());
        bool reviewed = !r.removed_themes.empty();
        for (const Tag& t : r.themes) reviewed = reviewed || t.source == "manual";
        if (!reviewed) continue;
        std::vector<std::string> labels;
        for (const Tag& t : r.themes) labels.push_back(t.id);
        set.texts.push_back(r.redacted_text);
        set.labels.push_back(std::move(labels));
    }
    return set;
}

}  // namespace yousaid
