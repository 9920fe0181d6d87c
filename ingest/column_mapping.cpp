#include "ingest/column_mapping.h"

#include <algorithm>
#include <set>

#include "ingest/column_roles.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

constexpr std::size_t kMinOpenAnswerLength = 15;  // mean characters of an open answer
constexpr double kMinOpenDistinctShare = 0.5;      // share of answers that differ

// Well-known attributes recognised from words in a closed question.
struct KnownAttribute {
    const char* word;
    const char* name;
};
const KnownAttribute kKnownAttributes[] = {
    {"sexual orientation", "sexual_orientation"}, {"age", "age_band"}, {"how old", "age_band"}, {"gender", "gender"},
    {"sex", "gender"}, {"ethnic", "ethnicity"}, {"postcode", "postcode_district"},
    {"carer", "carer"}, {"disab", "disability"}, {"long-term condition", "long_term_condition"},
    {"long term condition", "long_term_condition"}, {"mental health", "mental_health_condition"},
    {"working status", "working_status"}, {"employment", "working_status"},
};

// Words in a header that mean the column holds personal data, whatever else it says
// ("What is your name?", "Email (optional)"): never stored.
const char* const kPersonalCues[] = {"email", "e-mail", "your name", "first name", "last name", "surname",
                                     "full name", "phone", "telephone", "mobile", "ip address", "your address",
                                     "home address", "street address", "date of birth"};

bool contains_word(const std::string& folded, const std::string& word);

bool holds_personal_data(const HeaderColumn& column) {
    std::string folded = fold_case(column.name);
    for (const char* cue : kPersonalCues) {
        if (contains_word(folded, cue)) return true;
    }
    return false;
}

bool contains_word(const std::string& folded, const std::string& word) {
    std::size_t at = folded.find(word);
    while (at != std::string::npos) {
        bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(folded[at - 1]));
        if (starts) return true;
        at = folded.find(word, at + 1);
    }
    return false;
}

std::string attribute_name(const HeaderColumn& column, const std::string& fallback) {
    std::string folded = fold_case(column.name);
    for (const KnownAttribute& known : kKnownAttributes) {
        if (contains_word(folded, known.word)) return known.name;
    }
    std::string name = fallback;
    if (name.size() > 40) name = name.substr(0, 40);
    while (!name.empty() && name.back() == '_') name.pop_back();
    return name;
}

// The question a text column answers, kept with its responses: its header when
// that reads as a question, else nothing ("Comment" is not a question).
std::string question_of(const HeaderColumn& column);

bool reads_as_question(const HeaderColumn& column) {
    std::string q = trim(column.question);
    std::string sub = fold_case(trim(column.sub_answer));
    return (!q.empty() && q.back() == '?') || sub == "open-ended response" || sub == "open-ended responses";
}

std::string question_of(const HeaderColumn& column) {
    return reads_as_question(column) ? trim(column.question) : "";
}

// Long, varied answers: an open question rather than a closed one. Judged on
// the first kColumnSampleRows rows, as a large file is read (input_file.h).
bool answers_look_open(const Table& table, int header_rows, std::size_t index) {
    std::set<std::string> distinct;
    std::size_t answers = 0, characters = 0;
    const std::size_t rows = std::min(table.records.size(), header_rows + kColumnSampleRows);
    for (std::size_t r = header_rows; r < rows; ++r) {
        const CsvRecord& record = table.records[r];
        if (record.error || index >= record.fields.size()) continue;
        std::string value = trim(record.fields[index].value);
        if (value.empty()) continue;
        ++answers;
        characters += value.size();
        distinct.insert(value);
    }
    if (answers == 0) return false;
    return characters / answers >= kMinOpenAnswerLength &&
           static_cast<double>(distinct.size()) / answers >= kMinOpenDistinctShare;
}

// Finds the column a map names: by its whole name, else by its question or its
// sub-answer when only one column has it.
std::optional<std::size_t> find_column(const TableHeader& header, const std::string& wanted) {
    std::string key = fold_case(trim(wanted));
    for (std::size_t i = 0; i < header.columns.size(); ++i) {
        if (fold_case(header.columns[i].name) == key) return i;
    }
    std::vector<std::size_t> partial;
    for (std::size_t i = 0; i < header.columns.size(); ++i) {
        const HeaderColumn& c = header.columns[i];
        if (fold_case(c.question) == key || fold_case(c.sub_answer) == key) partial.push_back(i);
    }
    if (partial.size() == 1) return partial[0];
    return std::nullopt;
}

std::string column_list(const TableHeader& header) {
    std::string out;
    for (const HeaderColumn& c : header.columns) out += (out.empty() ? "" : ", ") + ("\"" + c.name + "\"");
    return out;
}

std::string age_band(const std::string& value) {
    // "18 to 24", "18-24 years", "18 – 24" -> "18-24"; "65 or over", "over 65", "65 and over" -> "65+".
    std::string digits_a, digits_b, folded = fold_case(value);
    std::size_t i = 0;
    while (i < folded.size() && !std::isdigit(static_cast<unsigned char>(folded[i]))) ++i;
    while (i < folded.size() && std::isdigit(static_cast<unsigned char>(folded[i]))) digits_a += folded[i++];
    if (digits_a.empty()) return value;
    std::string rest = folded.substr(i);
    std::size_t j = 0;
    while (j < rest.size() && !std::isdigit(static_cast<unsigned char>(rest[j]))) ++j;
    while (j < rest.size() && std::isdigit(static_cast<unsigned char>(rest[j]))) digits_b += rest[j++];
    if (!digits_b.empty() && folded.find("under") == std::string::npos) return digits_a + "-" + digits_b;
    if (folded.find("over") != std::string::npos || folded.find('+') != std::string::npos ||
        folded.find("older") != std::string::npos) {
        return digits_a + "+";
    }
    return value;
}

std::string postcode_district(const std::string& value) {
    std::string v = trim(value);
    std::size_t space = v.find(' ');
    std::string outward = space == std::string::npos ? v : v.substr(0, space);
    if (space == std::string::npos && v.size() >= 5 && v.size() <= 7) outward = v.substr(0, v.size() - 3);
    for (char& c : outward) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return outward;
}

}  // namespace

std::string attribute_value(const AttributeColumn& column, const std::string& value) {
    auto mapped = column.values.find(fold_case(trim(value)));
    if (mapped != column.values.end()) return mapped->second;
    if (!column.ticked_label.empty() && fold_case(trim(value)) == fold_case(column.ticked_label)) return "yes";
    if (column.name == "age_band") return age_band(value);
    if (column.name == "postcode_district") return postcode_district(value);
    return value;
}

MappingResult map_columns(const Table& table, const TableHeader& header, const MapFile* map,
                          const std::string& file_name) {
    MappingResult result;
    ColumnMapping& m = result.mapping;
    std::vector<std::string> names;
    for (const HeaderColumn& c : header.columns) names.push_back(c.name);
    std::vector<Column> roles = assign_column_roles(names);
    for (std::size_t i = 0; i < roles.size(); ++i) {
        if (roles[i].role == ColumnRole::attribute && holds_personal_data(header.columns[i])) {
            roles[i].role = ColumnRole::personal;
        }
    }
    std::set<std::size_t> claimed;

    // What the map says comes first.
    auto resolve = [&](const ColumnRef& ref) -> std::optional<std::size_t> {
        auto index = find_column(header, ref.header);
        if (!index) {
            result.errors.push_back({ref.where,
                                     "no column \"" + ref.header + "\" in " + file_name + " (columns: " +
                                         column_list(header) + ")",
                                     ""});
        } else {
            claimed.insert(*index);
        }
        return index;
    };
    if (map) {
        auto one = [&](const std::vector<ColumnRef>& refs, std::optional<std::size_t>& slot) {
            if (!refs.empty()) slot = resolve(refs.front());
        };
        one(map->id, m.id);
        one(map->event, m.event);
        one(map->channel, m.channel);
        one(map->date, m.date);
        one(map->question, m.question);
        for (const ColumnRef& ref : map->text) {
            if (auto index = resolve(ref)) m.text.push_back({*index, question_of(header.columns[*index])});
        }
        for (const AttributeMap& a : map->attributes) {
            if (auto index = resolve(a.column)) m.attributes.push_back({*index, a.name, a.values, ""});
        }
        for (const ColumnRef& ref : map->skip) {
            if (auto index = resolve(ref)) m.skipped.push_back(*index);
        }
        m.constants = map->constants;
        if (m.text.size() == 1 && (m.question || m.constants.count("question"))) m.text[0].question.clear();
    }

    // Then the header names, for what the map left.
    auto unclaimed_role = [&](ColumnRole role, std::optional<std::size_t>& slot) {
        if (slot || (map && role != ColumnRole::id && m.constants.count(role == ColumnRole::event     ? "event"
                                                                           : role == ColumnRole::channel ? "channel"
                                                                           : role == ColumnRole::date    ? "date"
                                                                                                         : "question"))) {
            return;
        }
        for (std::size_t i = 0; i < roles.size(); ++i) {
            if (roles[i].role == role && !claimed.count(i)) {
                slot = i;
                claimed.insert(i);
                return;
            }
        }
    };
    unclaimed_role(ColumnRole::id, m.id);
    unclaimed_role(ColumnRole::event, m.event);
    unclaimed_role(ColumnRole::channel, m.channel);
    unclaimed_role(ColumnRole::date, m.date);
    unclaimed_role(ColumnRole::question, m.question);
    if (m.text.empty()) {
        for (std::size_t i = 0; i < roles.size(); ++i) {
            if (roles[i].role == ColumnRole::text && !claimed.count(i)) {
                m.text.push_back({i, ""});
                claimed.insert(i);
                break;
            }
        }
    }
    if (m.text.empty()) {
        for (std::size_t i = 0; i < roles.size(); ++i) {
            if (claimed.count(i) || roles[i].role != ColumnRole::attribute) continue;
            if (reads_as_question(header.columns[i]) && answers_look_open(table, header.rows, i)) {
                m.text.push_back({i, question_of(header.columns[i])});
                claimed.insert(i);
            }
        }
        if (m.text.size() == 1 && m.question) m.text[0].question.clear();
    }
    for (std::size_t i = 0; i < roles.size(); ++i) {
        if (claimed.count(i)) continue;
        claimed.insert(i);
        if (roles[i].role == ColumnRole::personal) {
            m.skipped.push_back(i);
        } else if (!header.columns[i].name.empty() || roles[i].name.rfind("column_", 0) != 0) {
            const HeaderColumn& column = header.columns[i];
            std::string ticked = is_plain_answer_label(column.sub_answer) ? "" : column.sub_answer;
            m.attributes.push_back({i, attribute_name(column, roles[i].name), {}, ticked});
        }
    }
    // Two columns may land on one known name ("Age" and "Age band"): keep both, numbered.
    std::map<std::string, int> seen;
    for (AttributeColumn& a : m.attributes) {
        if (++seen[a.name] > 1) a.name += "_" + std::to_string(seen[a.name]);
    }
    if (m.text.empty()) {
        result.errors.push_back({{file_name, 1, 1},
                                 "no text column: expected a column named one of " + text_column_names() +
                                     ", open questions whose answers are free text, or a map (--map) that names them",
                                 table.records.empty() ? "" : table.records[0].line_text(table.records[0].line)});
    }
    return result;
}

std::vector<std::string> describe_mapping(const ColumnMapping& m, const TableHeader& header) {
    std::vector<std::string> lines(header.columns.size());
    auto set = [&](std::optional<std::size_t> index, const std::string& role) {
        if (index && *index < lines.size()) lines[*index] = role;
    };
    set(m.id, "id");
    set(m.event, "event");
    set(m.channel, "channel");
    set(m.date, "date");
    set(m.question, "question");
    for (const TextColumn& t : m.text) lines[t.index] = m.open_questions() ? "text (open question)" : "text";
    for (const AttributeColumn& a : m.attributes) lines[a.index] = "attribute " + a.name;
    for (std::size_t i : m.skipped) lines[i] = "skipped (personal data or not needed)";
    for (std::string& line : lines) {
        if (line.empty()) line = "not used";
    }
    return lines;
}

}  // namespace yousaid
