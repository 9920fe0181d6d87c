#include <doctest/doctest.h>

#include <vector>

#include "analysis/boolean_matches.h"
#include "analysis/rule_terms.h"

using namespace yousaid;

namespace {

Xapian::Document document(const std::string& text, const std::string& channel, const std::string& date) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(text);
    doc.add_boolean_term("XC" + channel);
    doc.add_value(0, date);
    return doc;
}

std::vector<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& query) {
    std::vector<Xapian::docid> out;
    for_each_match(db, query, [&](Xapian::docid d) { out.push_back(d); });
    return out;
}

}  // namespace

TEST_CASE("a document's visible part: the rules' terms, their wildcards' terms, positions and values") {
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.add_boolean_prefix("channel", "XC");
    Xapian::RangeProcessor dates(0, "date:");
    parser.add_rangeprocessor(&dates);
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT;
    const std::vector<Xapian::Query> queries{
        parser.parse_query("travel* OR \"my story\"", flags),
        parser.parse_query("bus NEAR/2 village", flags),
        parser.parse_query("parking AND NOT \"leisure centre\"", flags),
        parser.parse_query("channel:phone", flags),
        parser.parse_query("date:20140601..20140630", flags),
        parser.parse_query("NOT jargon", flags),
    };
    RuleTerms rules(queries);
    CHECK_FALSE(rules.keeps_everything());
    CHECK(rules.visible("travelling"));
    CHECK(rules.visible("my"));
    CHECK(rules.visible("bus"));
    CHECK_FALSE(rules.visible("Zbus"));  // NEAR and phrases match words as written
    CHECK_FALSE(rules.visible("hospital"));

    const std::vector<Xapian::Document> docs{
        document("I had to tell my story again, then travelled by bus", "phone", "20140603"),
        document("The bus to the village runs twice a week", "online", "20140720"),
        document("Parking at the leisure centre is free", "phone", "20140610"),
        document("Parking at the hospital costs too much", "online", "20140515"),
        document("Too much jargon, my whole story was lost", "online", "20140612"),
        document("The village bus is late", "phone", "20140601"),
    };
    Xapian::Document part = rules.visible_part(docs[0]);
    std::vector<std::string> kept;
    for (auto t = part.termlist_begin(); t != part.termlist_end(); ++t) kept.push_back(*t);
    CHECK(kept == std::vector<std::string>{"XCphone", "bus", "my", "story", "travelled"});
    CHECK(part.get_value(0) == "20140603");

    // Over the whole documents and over their visible parts, every query matches the same.
    Xapian::WritableDatabase whole(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::WritableDatabase visible(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const Xapian::Document& doc : docs) {
        whole.add_document(doc);
        visible.add_document(rules.visible_part(doc));
    }
    for (const Xapian::Query& query : queries) {
        CAPTURE(query.get_description());
        CHECK(matches(visible, query) == matches(whole, query));
        CHECK_FALSE(matches(whole, query).empty());
    }
}
