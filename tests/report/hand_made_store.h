#pragma once
// A store written response by response, with the codebook it counts as tagged
// with: for report tests that need exact control of themes, groups and their
// sources, respondents, campaigns and the batch's counts.
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/batch_writer.h"
#include "analysis/schema.h"
#include "analysis/store.h"
#include "ingest/response.h"
#include "report/report_builder.h"
#include "tests/test_support.h"

namespace yousaid::testing {

struct ResponseRows {
    std::vector<Response> responses;

    // `n` responses alike but for their id and text: "<text> <id>-a <id>-b ...",
    // so that no two share a run of words (the quote picker skips repeats).
    ResponseRows& add(int n, const std::string& channel, const std::string& event, const std::string& text,
                      std::vector<Tag> themes, std::vector<Tag> groups = {},
                      std::map<std::string, std::string> attributes = {}) {
        for (int i = 0; i < n; ++i) {
            Response r;
            r.id = "r" + std::to_string(responses.size() + 1);
            r.batch = "b1";
            r.channel = channel;
            r.event = event;
            r.date = "2014-07-0" + std::to_string(1 + responses.size() % 9);
            r.question = "What could be better?";
            r.redacted_text = text;
            for (const char* w : {"a", "b", "c", "d", "e", "f", "g"}) r.redacted_text += " " + r.id + w;
            r.original_text = r.redacted_text;
            r.themes = themes;
            r.groups = groups;
            r.attributes = attributes;
            responses.push_back(r);
        }
        return *this;
    }
};

struct HandMadeStore {
    TempDir dir;
    std::string path = dir.path("store");

    HandMadeStore(const std::string& codebook, const std::vector<Response>& responses, BatchRecord record = {}) {
        Xapian::WritableDatabase db = open_store_for_writing(path);
        record.id = "b1";
        record.accepted = static_cast<int>(responses.size());
        record.read = record.accepted + record.rejected;
        BatchWriter writer(db, record);
        for (const Response& r : responses) writer.put(r);
        writer.commit();
        db.set_metadata(schema::kCodebookKey, codebook);
        db.commit();
    }

    report::ReportBuild build(const std::string& template_text, const std::string& actions,
                              const std::string& population = "", Xapian::doccount min_base = 0) const {
        report::ReportInputs inputs{dir.write("t.tmpl", template_text), dir.write("actions.csv", actions),
                                    population.empty() ? "" : dir.write("population.csv", population)};
        inputs.min_base = min_base;
        return report::build_report(Xapian::Database(path), inputs);
    }
};

}  // namespace yousaid::testing
