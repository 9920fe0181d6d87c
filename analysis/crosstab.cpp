#include "analysis/crosstab.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "analysis/campaign_count.h"
#include "analysis/model_tags.h"
#include "analysis/schema.h"
#include "analysis/search.h"
#include "analysis/statistics.h"
#include "analysis/tagger.h"
#include "ingest/response.h"

namespace yousaid {

namespace {

// Every document's keys on one axis, by docid: keys of document d are
// codes[start[d] .. start[d + 1]), indices into `keys`. Built in one pass over
// a value stream or over posting lists, so no document is read whole.
struct Coding {
    std::vector<std::string> keys;
    std::vector<std::string> labels;  // as written, when it differs from the key (attributes)
    std::vector<std::uint32_t> start;
    std::vector<std::uint32_t> codes;

    std::uint32_t code_of(const std::string& key, std::unordered_map<std::string, std::uint32_t>& index) {
        auto [it, added] = index.try_emplace(key, static_cast<std::uint32_t>(keys.size()));
        if (added) keys.push_back(key);
        return it->second;
    }
};

bool multi_valued(Dimension d) { return d == Dimension::theme || d == Dimension::group; }

Xapian::valueno slot_of(Dimension d) {
    switch (d) {
        case Dimension::theme: return schema::kThemesSlot;
        case Dimension::group: return schema::kGroupsSlot;
        case Dimension::channel: return schema::kChannelSlot;
        case Dimension::event: return schema::kEventSlot;
        case Dimension::question: return schema::kQuestionSlot;
        case Dimension::polarity: return schema::kPolaritySlot;
        case Dimension::attribute: break;
    }
    return Xapian::BAD_VALUENO;
}

// Channels, events, questions and polarities from their value slot, keyed as
// written. A document with no value (Xapian stores none for "") has the key ""
// (not given).
Coding code_from_slot(const Xapian::Database& db, Dimension d) {
    Coding coding;
    const Xapian::docid last = db.get_lastdocid();
    coding.start.resize(last + 2);
    std::unordered_map<std::string, std::uint32_t> index;
    const std::uint32_t none = coding.code_of("", index);
    Xapian::docid next = 1;  // the first docid not yet given its code
    auto fill_to = [&](Xapian::docid did) {  // documents before `did` have no value
        for (; next < did; ++next) {
            coding.start[next] = static_cast<std::uint32_t>(coding.codes.size());
            coding.codes.push_back(none);
        }
    };
    const Xapian::valueno slot = slot_of(d);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        fill_to(it.get_docid());
        coding.start[next] = static_cast<std::uint32_t>(coding.codes.size());
        coding.codes.push_back(coding.code_of(*it, index));
        ++next;
    }
    fill_to(last + 1);
    coding.start[last + 1] = static_cast<std::uint32_t>(coding.codes.size());
    coding.labels = coding.keys;
    return coding;
}

// Keys from boolean terms <prefix><key> (themes, groups, attribute values) and
// from the slots of themes models gave (`model_slots`, model_tags.h), walking
// posting lists and value streams only. A document with none of them has the
// key "" when `none_key`, else no key. `first_holder[k]` is a document holding key k.
Coding code_from_terms(const Xapian::Database& db, const std::string& prefix, bool none_key,
                       std::vector<Xapian::docid>& first_holder,
                       const std::map<std::string, Xapian::valueno>& model_slots = {}) {
    const Xapian::docid last = db.get_lastdocid();
    std::map<std::string, std::vector<Xapian::docid>> by_key;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        const std::string term = *t;
        std::vector<Xapian::docid>& docs = by_key[term.substr(prefix.size())];
        docs.reserve(t.get_termfreq());
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) docs.push_back(*p);
    }
    for (const auto& [key, slot] : model_slots) {
        if (db.valuestream_begin(slot) == db.valuestream_end(slot)) continue;
        std::vector<Xapian::docid>& docs = by_key[key];
        const bool merged = !docs.empty();
        for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) docs.push_back(v.get_docid());
        if (merged) std::sort(docs.begin(), docs.end());
    }
    Coding coding;
    std::vector<std::uint32_t> keys_of_doc(last + 2, 0);
    std::vector<std::vector<Xapian::docid>> holders;
    if (none_key) {
        coding.keys.push_back("");
        holders.emplace_back();
    }
    for (auto& [key, docs] : by_key) {
        coding.keys.push_back(key);
        for (Xapian::docid d : docs) ++keys_of_doc[d];
        holders.push_back(std::move(docs));
    }
    if (none_key) {
        for (Xapian::docid d = 1; d <= last; ++d) {
            if (keys_of_doc[d] == 0) holders[0].push_back(d), keys_of_doc[d] = 1;
        }
    }
    coding.start.resize(last + 2);
    std::uint32_t total = 0;
    for (Xapian::docid d = 0; d <= last + 1; ++d) {
        coding.start[d] = total;
        total += keys_of_doc[d];
    }
    coding.codes.resize(total);
    std::vector<std::uint32_t> cursor(coding.start.begin(), coding.start.end());
    for (std::uint32_t k = 0; k < holders.size(); ++k) {
        for (Xapian::docid d : holders[k]) coding.codes[cursor[d]++] = k;
    }
    first_holder.clear();
    for (const auto& docs : holders) first_holder.push_back(docs.empty() ? 0 : docs.front());
    coding.labels = coding.keys;
    return coding;
}

// An attribute from its boolean terms XA<name>:<value slug>, each value's label
// read from the first document holding it. Documents without it have "".
Coding code_attribute(const Xapian::Database& db, const std::string& name) {
    std::vector<Xapian::docid> first_holder;
    Coding coding = code_from_terms(db, std::string(schema::kAttributePrefix) + name + ":", true, first_holder);
    for (std::size_t k = 1; k < coding.keys.size(); ++k) {
        try {
            Response r = response_from_json(db.get_document(first_holder[k]).get_data());
            auto written = r.attributes.find(name);
            if (written != r.attributes.end()) coding.labels[k] = written->second;
        } catch (const std::runtime_error&) {
        }
    }
    return coding;
}

// Polarities labelled as words in a table: "negative" -> "Negative".
Coding code_polarity(const Xapian::Database& db) {
    Coding coding = code_from_slot(db, Dimension::polarity);
    for (std::string& label : coding.labels) {
        if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    }
    return coding;
}

// Where a polarity comes in a table: kPolarities' order, anything else after.
std::size_t polarity_rank(const std::string& key) {
    return std::find(kPolarities.begin(), kPolarities.end(), key) - kPolarities.begin();
}

Coding code_axis(const Xapian::Database& db, const Axis& axis, bool is_rows) {
    if (axis.dimension == Dimension::attribute) return code_attribute(db, axis.attribute);
    if (axis.dimension == Dimension::polarity) return code_polarity(db);
    if (!multi_valued(axis.dimension)) return code_from_slot(db, axis.dimension);
    // A response with no theme is a row of its own ("No theme"); with no group, in no column.
    std::vector<Xapian::docid> unused;
    const bool theme = axis.dimension == Dimension::theme;
    if (!theme) return code_from_terms(db, schema::kGroupPrefix, false, unused);
    return code_from_terms(db, schema::kThemePrefix, is_rows, unused, model_theme_slots(db));
}

// Every theme or group of the codebook is shown, even when nothing counts in it.
void add_codebook_keys(Coding& coding, const Axis& axis, const std::optional<Codebook>& codebook) {
    if (!codebook) return;
    std::vector<std::string> ids;
    if (axis.dimension == Dimension::theme) {
        for (const Theme& t : codebook->themes) ids.push_back(t.id);
    } else if (axis.dimension == Dimension::group) {
        for (const Group& g : codebook->groups) ids.push_back(g.id);
    }
    for (const std::string& id : ids) {
        if (std::find(coding.keys.begin(), coding.keys.end(), id) == coding.keys.end()) {
            coding.keys.push_back(id);
            coding.labels.push_back(id);
        }
    }
}

// "16-24" before "65+" before "Under 16": leading numbers by value, then text.
bool value_order(const std::string& a, const std::string& b) {
    auto number = [](const std::string& s) -> long {
        if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return -1;
        return std::stol(s.substr(0, std::min<std::size_t>(s.find_first_not_of("0123456789"), 9)));
    };
    long x = number(a), y = number(b);
    if ((x >= 0) != (y >= 0)) return x >= 0;
    if (x != y) return x < y;
    return a < b;
}

// Positions in the coding's keys, in the order the table shows them: codebook
// order first for themes and groups, the rest largest first; attributes in
// value order; polarities positive, mixed, negative; the untagged / not given
// key last.
std::vector<std::uint32_t> order(const Axis& axis, const Coding& coding, const std::vector<Xapian::doccount>& totals,
                                 const std::optional<Codebook>& codebook, bool keep_empty_key,
                                 std::vector<std::string>& labels) {
    std::vector<std::string> codebook_keys;
    std::map<std::string, std::string> titles;
    if (codebook && axis.dimension == Dimension::theme) {
        for (const Theme& t : codebook->themes) codebook_keys.push_back(t.id), titles[t.id] = t.title;
    } else if (codebook && axis.dimension == Dimension::group) {
        for (const Group& g : codebook->groups) codebook_keys.push_back(g.id), titles[g.id] = g.title;
    }
    std::unordered_map<std::string, std::uint32_t> position;
    for (std::uint32_t i = 0; i < coding.keys.size(); ++i) position[coding.keys[i]] = i;
    std::vector<std::uint32_t> out;
    for (const std::string& key : codebook_keys) {
        auto found = position.find(key);
        if (found != position.end()) out.push_back(found->second);
    }
    std::vector<std::uint32_t> rest;
    for (std::uint32_t i = 0; i < coding.keys.size(); ++i) {
        if (coding.keys[i].empty() || titles.count(coding.keys[i]) || totals[i] == 0) continue;
        rest.push_back(i);
    }
    if (axis.dimension == Dimension::attribute) {
        std::stable_sort(rest.begin(), rest.end(), [&](std::uint32_t a, std::uint32_t b) {
            return value_order(coding.labels[a], coding.labels[b]);
        });
    } else if (axis.dimension == Dimension::polarity) {
        std::stable_sort(rest.begin(), rest.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::pair(polarity_rank(coding.keys[a]), coding.keys[a]) <
                   std::pair(polarity_rank(coding.keys[b]), coding.keys[b]);
        });
    } else {
        std::stable_sort(rest.begin(), rest.end(), [&](std::uint32_t a, std::uint32_t b) { return totals[a] > totals[b]; });
    }
    out.insert(out.end(), rest.begin(), rest.end());
    for (std::uint32_t i = 0; i < coding.keys.size(); ++i) {
        if (coding.keys[i].empty() && keep_empty_key && totals[i] > 0) out.push_back(i);
    }
    for (std::uint32_t i : out) {
        const std::string& key = coding.keys[i];
        auto title = titles.find(key);
        labels.push_back(title != titles.end() ? title->second
                         : key.empty()         ? (axis.dimension == Dimension::theme ? "No theme" : "(not given)")
                                               : coding.labels[i]);
    }
    return out;
}

// Counts by code: cells[r * columns + c], row totals, column bases, all.
struct Tally {
    std::size_t rows = 0, columns = 0;
    std::vector<Xapian::doccount> cells, row_totals, bases;
    Xapian::doccount all = 0;

    Tally(std::size_t r, std::size_t c) : rows(r), columns(c), cells(r * c), row_totals(r), bases(c) {}
    // Slots of one document's contributions: cells, then row totals, then bases, then all.
    std::size_t slots() const { return cells.size() + rows + columns + 1; }
    Xapian::doccount& at(std::size_t slot) {
        if (slot < cells.size()) return cells[slot];
        slot -= cells.size();
        if (slot < rows) return row_totals[slot];
        slot -= rows;
        if (slot < columns) return bases[slot];
        return all;
    }
};

// Which documents count: each one, except campaign members other than the
// first unless every member is asked for. No document is read.
std::vector<bool> counted_documents(const Xapian::Database& db, const CampaignCount& campaigns, bool every_member) {
    std::vector<bool> counted(db.get_lastdocid() + 1, false);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) counted[*it] = true;
    if (every_member) return counted;
    const Xapian::valueno slot = schema::kCampaignSlot;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        Xapian::docid did = it.get_docid();
        if (!campaigns.counts(did, *it)) counted[did] = false;
    }
    return counted;
}

// Respondent numbers by docid (0 for none) and how many counted responses each has.
std::vector<std::uint32_t> respondents_of(const Xapian::Database& db, const std::vector<bool>& counted,
                                          std::vector<std::uint32_t>& responses_per_respondent) {
    std::vector<std::uint32_t> by_doc(db.get_lastdocid() + 1, 0);
    std::unordered_map<std::string, std::uint32_t> number;
    responses_per_respondent.assign(1, 0);
    const Xapian::valueno slot = schema::kRespondentSlot;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        if (!counted[it.get_docid()]) continue;
        auto [found, added] = number.try_emplace(*it, static_cast<std::uint32_t>(responses_per_respondent.size()));
        if (added) responses_per_respondent.push_back(0);
        ++responses_per_respondent[found->second];
        by_doc[it.get_docid()] = found->second;
    }
    return by_doc;
}

Tally count(const Coding& rows, const Coding& columns, const std::vector<bool>& counted, CountUnit unit,
            const Xapian::Database& db) {
    Tally tally(rows.keys.size(), columns.keys.size());
    std::vector<std::uint32_t> per_respondent;
    std::vector<std::uint32_t> respondent;
    if (unit == CountUnit::respondents) respondent = respondents_of(db, counted, per_respondent);
    // A respondent with several responses is counted once per slot: their
    // (slot, respondent) pairs are gathered, made unique, then counted.
    std::vector<std::uint64_t> shared;
    const std::size_t C = tally.columns;
    const std::size_t row_total_slot = tally.cells.size(), base_slot = row_total_slot + tally.rows,
                      all_slot = base_slot + C;
    for (Xapian::docid d = 1; d + 1 < rows.start.size(); ++d) {
        if (!counted[d]) continue;
        const std::uint32_t who = respondent.empty() ? 0 : respondent[d];
        const bool once = respondent.empty() || who == 0 || per_respondent[who] == 1;
        auto add = [&](std::size_t slot) {
            if (once) ++tally.at(slot);
            else shared.push_back((static_cast<std::uint64_t>(slot) << 32) | who);
        };
        add(all_slot);
        for (std::uint32_t j = columns.start[d]; j < columns.start[d + 1]; ++j) add(base_slot + columns.codes[j]);
        for (std::uint32_t i = rows.start[d]; i < rows.start[d + 1]; ++i) {
            const std::uint32_t r = rows.codes[i];
            add(row_total_slot + r);
            if (once) {
                for (std::uint32_t j = columns.start[d]; j < columns.start[d + 1]; ++j) ++tally.cells[r * C + columns.codes[j]];
            } else {
                for (std::uint32_t j = columns.start[d]; j < columns.start[d + 1]; ++j) add(r * C + columns.codes[j]);
            }
        }
    }
    std::sort(shared.begin(), shared.end());
    shared.erase(std::unique(shared.begin(), shared.end()), shared.end());
    for (std::uint64_t pair : shared) ++tally.at(static_cast<std::size_t>(pair >> 32));
    return tally;
}

// Each cell outside the All column against the rest of its row, then adjusted
// across every cell tested.
void test_cells(Crosstab& t) {
    const double all = t.bases[0];
    std::vector<double> p_values;
    std::vector<std::pair<std::size_t, std::size_t>> where;
    t.tests.assign(t.row_keys.size(), std::vector<CellTest>(t.column_keys.size()));
    for (std::size_t r = 0; r < t.row_keys.size(); ++r) {
        const double row_total = t.counts[r][0];
        for (std::size_t c = 1; c < t.column_keys.size(); ++c) {
            const double x = t.counts[r][c], n = t.bases[c];
            if (t.is_suppressed(c) || n >= all || row_total == 0) continue;
            CellTest& test = t.tests[r][c];
            test.tested = true;
            test.z = stats::two_proportion_z(x, n, std::max(0.0, row_total - x), all - n);
            test.p = stats::normal_two_sided_p(test.z);
            p_values.push_back(test.p);
            where.emplace_back(r, c);
        }
    }
    std::vector<double> adjusted = t.adjustment == Adjustment::benjamini_hochberg ? stats::benjamini_hochberg(p_values)
                                   : t.adjustment == Adjustment::bonferroni        ? stats::bonferroni(p_values)
                                                                                   : p_values;
    for (std::size_t i = 0; i < where.size(); ++i) {
        CellTest& test = t.tests[where[i].first][where[i].second];
        test.adjusted_p = adjusted[i];
        if (adjusted[i] < t.significance_level) test.direction = test.z > 0 ? 1 : -1;
    }
    t.tested_cells = where.size();
}

void weigh(Crosstab& t, const std::map<std::string, double>& shares) {
    t.weighted = true;
    t.weights.assign(t.column_keys.size(), 1.0);
    for (std::size_t c = 1; c < t.column_keys.size(); ++c) {
        auto share = shares.find(t.column_keys[c]);
        if (share == shares.end() || t.bases[c] == 0 || t.bases[0] == 0) {
            t.unweighted_columns.push_back(t.column_labels[c]);
            continue;
        }
        const double sample_share = static_cast<double>(t.bases[c]) / t.bases[0];
        t.weights[c] = share->second / sample_share;
    }
}

}  // namespace

std::optional<Dimension> parse_dimension(const std::string& name) {
    if (name == "theme") return Dimension::theme;
    if (name == "group") return Dimension::group;
    if (name == "channel") return Dimension::channel;
    if (name == "event") return Dimension::event;
    if (name == "question") return Dimension::question;
    if (name == "polarity") return Dimension::polarity;
    return std::nullopt;
}

std::string dimension_name(Dimension dimension) {
    switch (dimension) {
        case Dimension::theme: return "theme";
        case Dimension::group: return "group";
        case Dimension::channel: return "channel";
        case Dimension::event: return "event";
        case Dimension::question: return "question";
        case Dimension::polarity: return "polarity";
        case Dimension::attribute: return "attribute";
    }
    return "";
}

std::string Axis::name() const { return dimension == Dimension::attribute ? attribute : dimension_name(dimension); }

std::optional<Axis> parse_axis(const std::string& text) {
    if (auto d = parse_dimension(text)) return Axis(*d);
    auto snake_case = [](const std::string& s) {
        if (s.empty() || !std::islower(static_cast<unsigned char>(s[0]))) return false;
        return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::islower(c) || std::isdigit(c) || c == '_'; });
    };
    const std::string prefix = "attribute:";
    if (text.rfind(prefix, 0) == 0) {
        std::string name = text.substr(prefix.size());
        if (snake_case(name)) return Axis::of_attribute(name);
        return std::nullopt;
    }
    static const char* const known[] = {"age_band", "gender", "ethnicity", "sexual_orientation", "postcode_district",
                                        "carer", "disability", "long_term_condition", "mental_health_condition",
                                        "parent_under_5", "working_status"};
    for (const char* name : known) {
        if (text == name) return Axis::of_attribute(text);
    }
    return std::nullopt;
}

std::vector<std::string> stored_attributes(const Xapian::Database& db) {
    std::vector<std::string> names;
    const std::string prefix = schema::kAttributePrefix;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix);) {
        std::string term = *t;
        std::string name = term.substr(prefix.size(), term.find(':') - prefix.size());
        names.push_back(name);
        t.skip_to(prefix + name + ";");  // ';' follows ':': past every value of this attribute
    }
    return names;
}

std::string adjustment_name(Adjustment adjustment) {
    switch (adjustment) {
        case Adjustment::benjamini_hochberg: return "Benjamini-Hochberg";
        case Adjustment::bonferroni: return "Bonferroni";
        case Adjustment::none: return "none";
    }
    return "";
}

double Crosstab::percent(std::size_t row, std::size_t column) const {
    return bases[column] == 0 ? 0.0 : 100.0 * counts[row][column] / bases[column];
}

double Crosstab::weighted_count(std::size_t row, std::size_t column) const {
    return counts[row][column] * (weights.empty() ? 1.0 : weights[column]);
}

double Crosstab::weighted_base(std::size_t column) const {
    return bases[column] * (weights.empty() ? 1.0 : weights[column]);
}

double Crosstab::row_percent(std::size_t row, std::size_t column) const {
    return counts[row][0] == 0 ? 0.0 : 100.0 * weighted_count(row, column) / counts[row][0];
}

double Crosstab::shown_percent(std::size_t row, std::size_t column) const {
    return percent_base == PercentBase::row ? row_percent(row, column) : percent(row, column);
}

Crosstab crosstab(const Xapian::Database& db, const Axis& rows, const Axis& columns, const CrosstabOptions& options) {
    for (const Axis* axis : {&rows, &columns}) {
        if (axis->dimension != Dimension::attribute) continue;
        const std::string prefix = std::string(schema::kAttributePrefix) + axis->attribute + ":";
        if (db.allterms_begin(prefix) == db.allterms_end(prefix)) {
            throw std::invalid_argument("no attribute \"" + axis->attribute + "\" in the store");
        }
    }
    CampaignCount campaigns(db);
    std::vector<bool> counted = counted_documents(db, campaigns, options.every_member);
    std::optional<Codebook> codebook = stored_codebook(db);
    Coding row_coding = code_axis(db, rows, true);
    Coding column_coding = code_axis(db, columns, false);
    add_codebook_keys(row_coding, rows, codebook);
    add_codebook_keys(column_coding, columns, codebook);
    // Ordering is by responses whatever the unit, so it does not move with --unit.
    Tally by_response = count(row_coding, column_coding, counted, CountUnit::responses, db);
    Tally tally = options.unit == CountUnit::responses
                      ? by_response
                      : count(row_coding, column_coding, counted, options.unit, db);

    Crosstab table;
    std::vector<std::uint32_t> row_order =
        order(rows, row_coding, by_response.row_totals, codebook, true, table.row_labels);
    std::vector<std::uint32_t> column_order =
        order(columns, column_coding, by_response.bases, codebook, !multi_valued(columns.dimension), table.column_labels);

    table.row_dimension = rows.dimension;
    table.column_dimension = columns.dimension;
    table.row_attribute = rows.attribute;
    table.column_attribute = columns.attribute;
    table.campaigns = campaigns.campaigns();
    table.campaign_members = campaigns.members();
    table.every_member = options.every_member;
    table.unit = options.unit;
    table.percent_base = options.percent_base;
    table.adjustment = options.adjustment;
    table.significance_level = options.significance_level;
    table.small_base = options.small_base;
    table.min_base = options.min_base;
    for (std::uint32_t r : row_order) table.row_keys.push_back(row_coding.keys[r]);
    table.column_keys.push_back("");
    table.column_labels.insert(table.column_labels.begin(),
                               options.unit == CountUnit::respondents ? "All respondents" : "All responses");
    table.bases.push_back(tally.all);
    for (std::uint32_t c : column_order) {
        table.column_keys.push_back(column_coding.keys[c]);
        table.bases.push_back(tally.bases[c]);
    }
    for (std::uint32_t r : row_order) {
        std::vector<Xapian::doccount> line{tally.row_totals[r]};
        for (std::uint32_t c : column_order) line.push_back(tally.cells[r * tally.columns + c]);
        table.counts.push_back(std::move(line));
    }
    test_cells(table);
    table.weights.assign(table.column_keys.size(), 1.0);
    if (options.column_population_shares) weigh(table, *options.column_population_shares);
    return table;
}

}  // namespace yousaid
