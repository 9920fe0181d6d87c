// Matching boolean queries from the posting lists gives exactly Xapian's
// matches, and declines what it does not match itself.
#include <doctest/doctest.h>

#include <algorithm>

#include "analysis/boolean_matches.h"
#include "tests/test_support.h"

using namespace yousaid;
using Q = Xapian::Query;

namespace {

Q all_of(Q::op op, const std::vector<Q>& parts) { return Q(op, parts.begin(), parts.end()); }

// 600 documents: document d holds term "m<k>" for each k from 2 to 7 that
// divides d, "rare" in every 97th, and a date value; every 50th is deleted.
struct Numbers {
    yousaid::testing::TempDir dir;
    Xapian::Database db;

    Numbers() {
        Xapian::WritableDatabase w(dir.path("db"), Xapian::DB_CREATE);
        for (Xapian::docid d = 1; d <= 600; ++d) {
            Xapian::Document doc;
            for (int k = 2; k <= 7; ++k) {
                if (d % k == 0) doc.add_posting("m" + std::to_string(k), 1);
            }
            if (d % 97 == 0) doc.add_term("rare");
            doc.add_value(0, std::to_string(d % 10));
            w.replace_document(d, doc);
        }
        for (Xapian::docid d = 50; d <= 600; d += 50) w.delete_document(d);
        w.commit();
        db = Xapian::Database(dir.path("db"));
    }

    // Xapian's own matches, in docid order.
    std::vector<Xapian::docid> xapians(const Q& query) const {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        std::vector<Xapian::docid> out;
        const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
        for (auto it = all.begin(); it != all.end(); ++it) out.push_back(*it);
        std::sort(out.begin(), out.end());
        return out;
    }
};

}  // namespace

TEST_CASE("terms, AND, OR, AND_NOT, FILTER and the rest match as in Xapian") {
    Numbers n;
    const Q m2("m2"), m3("m3"), m5("m5"), m7("m7"), rare("rare"), absent("absent");
    const std::vector<std::pair<const char*, Q>> queries = {
        {"term", m3},
        {"absent term", absent},
        {"all", Q::MatchAll},
        {"nothing", Q::MatchNothing},
        {"and", Q(Q::OP_AND, m2, m3)},
        {"and of three, rarest last", all_of(Q::OP_AND, {m2, m3, rare})},
        {"and with all", Q(Q::OP_AND, Q::MatchAll, m7)},
        {"filter by all", Q(Q::OP_FILTER, Q::MatchAll, m5)},
        {"and with absent", Q(Q::OP_AND, m2, absent)},
        {"or", Q(Q::OP_OR, m5, m7)},
        {"or of three", all_of(Q::OP_OR, {m5, m7, rare})},
        {"synonym", Q(Q::OP_SYNONYM, m5, m7)},
        {"max", Q(Q::OP_MAX, m3, rare)},
        {"and not", Q(Q::OP_AND_NOT, m2, m3)},
        {"all but", Q(Q::OP_AND_NOT, Q::MatchAll, m2)},
        {"and not of a part", Q(Q::OP_AND_NOT, m2, Q(Q::OP_OR, m3, m5))},
        {"filter", Q(Q::OP_FILTER, Q(Q::OP_OR, m5, m7), m2)},
        {"filter of parts", Q(Q::OP_FILTER, m2, Q(Q::OP_OR, m3, m7))},
        {"and maybe", Q(Q::OP_AND_MAYBE, m7, m2)},
        {"scaled", Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_AND, m2, m5), 0.0)},
        {"scaled inside and", Q(Q::OP_AND, Q(Q::OP_SCALE_WEIGHT, m2, 2.0), Q(Q::OP_OR, m3, m7))},
        {"nested", Q(Q::OP_OR, Q(Q::OP_AND_NOT, Q(Q::OP_AND, m2, m3), m5), Q(Q::OP_FILTER, rare, m7))},
    };
    for (const auto& [name, query] : queries) {
        CAPTURE(std::string(name));
        const std::optional<std::vector<Xapian::docid>> ours = boolean_matches(n.db, query);
        REQUIRE(ours.has_value());
        CHECK(*ours == n.xapians(query));
    }
    CHECK(boolean_matches(n.db, Q(Q::OP_AND, m2, m3))->size() == 96);  // 100 multiples of 6, less 150, 300, 450, 600
    CHECK(boolean_matches(n.db, Q::MatchAll)->size() == 588);
}

TEST_CASE("phrases, NEAR, wildcards and value ranges are left to Xapian") {
    Numbers n;
    const Q m2("m2"), m3("m3");
    CHECK_FALSE(boolean_matches(n.db, Q(Q::OP_PHRASE, m2, m3)).has_value());
    CHECK_FALSE(boolean_matches(n.db, Q(Q::OP_NEAR, m2, m3)).has_value());
    CHECK_FALSE(boolean_matches(n.db, Q(Q::OP_WILDCARD, "m")).has_value());
    CHECK_FALSE(boolean_matches(n.db, Q(Q::OP_FILTER, m2, Q(Q::OP_VALUE_RANGE, 0, "1", "3"))).has_value());
    CHECK_FALSE(boolean_matches(n.db, Q(Q::OP_OR, m2, Q(Q::OP_PHRASE, m2, m3))).has_value());
    CHECK_FALSE(boolean_matches(n.db, Q(Q::OP_XOR, m2, m3)).has_value());
}
