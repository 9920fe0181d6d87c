#include "analysis/codebook.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <functional>
#include <optional>
#include <set>

#include <boost/spirit/home/x3.hpp>
#include <unicode/unistr.h>

#include "analysis/attribute_rule.h"
#include "analysis/codebook_line.h"

namespace yousaid {

namespace {

// One line's share of a property's value (the property line, then continuations).
struct Segment {
    std::size_t offset = 0;  // where its text starts in the joined value
    int line = 0;
    int column = 0;
    std::string source;      // the whole source line, for messages
};

struct Property {
    std::string value;  // the lines' texts joined with single spaces
    std::vector<Segment> segments;
    int indent = 0;
    int line = 0;
};

struct Block {
    bool is_theme = true;
    std::string id;
    bool keep = true;  // false when the id is bad or taken: checked, but not added
    Diagnostic opened_at;
    std::map<std::string, Property> properties;
    std::deque<Property> examples;  // a deque, so property_ may point into it
};

// A reference to a theme (`parent:`) or a group (`in-group(ID)`), checked once every block is read.
struct Reference {
    std::string from, to;
    Diagnostic at;  // where `to` is written; message empty
};

int code_points(const std::string& s, std::size_t from, std::size_t to) {
    int n = 0;
    for (std::size_t i = from; i < to && i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    return n;
}

bool is_valid_id(const std::string& id) {
    namespace x3 = boost::spirit::x3;
    auto first = id.begin();
    return x3::parse(first, id.end(), +x3::char_("a-z0-9-") >> x3::eoi);
}

// A synonym entry as compared for duplicates: case folded, runs of spaces as one.
std::string synonym_key(const std::string& entry) {
    std::string folded, out;
    icu::UnicodeString::fromUTF8(entry).foldCase().toUTF8String(folded);
    for (char c : folded) {
        const bool space = c == ' ' || c == '\t';
        if (!space) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    return out;
}

bool has_word_character(const std::string& entry) {
    // Bytes >= 0x80 belong to non-ASCII letters, which count as word characters.
    return std::any_of(entry.begin(), entry.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
    });
}

std::string chain(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "" : " -> ") + id;
    return out;
}

class CodebookParser {
public:
    explicit CodebookParser(const std::string& file) : file_(file) {}

    void read_line(int number, const std::string& text) {
        const CodebookLine line = parse_codebook_line(text);
        auto error = [&](int column, std::string message) {
            result_.errors.push_back({{file_, number, column}, std::move(message), text});
        };
        using Kind = CodebookLine::Kind;
        if (line.kind == Kind::blank || line.kind == Kind::comment) return;
        if (property_ && line.indent > property_->indent) return continue_property(number, text, line);
        property_ = nullptr;
        if (line.kind == Kind::block) return open_block(number, text, line, error);
        if (line.indent == 0 && line.kind == Kind::property) return header_key(number, text, line, error);
        if (line.indent == 0)
            return error(1, block_ ? "expected \"theme ID\", \"group ID\" or \"synonyms: A, B\""
                                   : "expected \"codebook: NAME\", \"version: N\", \"synonyms: A, B\", \"theme ID\" "
                                     "or \"group ID\"");
        if (!block_) return error(line.text_column, "property outside a block (open one with \"theme ID\" or \"group ID\")");
        if (line.kind != Kind::property) return error(line.text_column, "expected \"name: value\"");
        add_property(number, text, line, error);
    }

    CodebookParse finish() {
        close_block();
        for (const Property& list : synonym_lists_) add_synonyms(list);
        check_rules();
        check_parents();
        check_group_references();
        return std::move(result_);
    }

private:
    template <typename Error>
    void header_key(int number, const std::string& text, const CodebookLine& line, Error error) {
        if (line.name == "synonyms") {
            close_block();
            synonym_lists_.emplace_back();
            property_ = &synonym_lists_.back();
            property_->line = number;
            return append(number, text, line.value, line.value_column);
        }
        if (line.name != "codebook" && line.name != "version") {
            if (block_) return error(1, "property \"" + line.name + "\" must be indented under its theme or group");
            return error(1, "unknown header key \"" + line.name + "\": expected codebook, version or synonyms");
        }
        if (block_ || seen_block_) return error(1, "\"" + line.name + ":\" must come before the first theme or group");
        (line.name == "codebook" ? result_.codebook.name : result_.codebook.version) = line.value;
    }

    template <typename Error>
    void open_block(int number, const std::string& text, const CodebookLine& line, Error error) {
        close_block();
        seen_block_ = true;
        block_.emplace();
        Block& b = *block_;
        b.is_theme = line.keyword == "theme";
        b.id = line.value;
        b.opened_at = {{file_, number, 1}, "", text};
        const std::string kind = line.keyword;
        if (b.id.empty()) {
            b.keep = false;
            return error(line.value_column, "expected an id after \"" + kind + "\"");
        }
        if (!is_valid_id(b.id)) {
            b.keep = false;
            return error(line.value_column, "bad " + kind + " id \"" + b.id + "\": use lower case letters, digits and hyphens");
        }
        auto [first, added] = (b.is_theme ? theme_ids_ : group_ids_).emplace(b.id, number);
        if (!added) {
            b.keep = false;
            error(line.value_column, "duplicate " + kind + " id \"" + b.id + "\" (first defined at line " +
                                         std::to_string(first->second) + ")");
        }
    }

    template <typename Error>
    void add_property(int number, const std::string& text, const CodebookLine& line, Error error) {
        static const std::vector<std::string> theme_names = {"title", "description", "example", "parent", "rule"};
        static const std::vector<std::string> group_names = {"title", "description", "when", "cue", "label"};
        const auto& names = block_->is_theme ? theme_names : group_names;
        const char* kind = block_->is_theme ? "theme" : "group";
        discard_ = Property{};
        property_ = &discard_;  // an unknown or repeated property still owns its continuations
        property_->indent = line.indent;
        if (std::find(names.begin(), names.end(), line.name) == names.end())
            return error(line.text_column, std::string("unknown ") + kind + " property \"" + line.name +
                                               "\": expected " +
                                               (block_->is_theme ? "title, description, example, parent or rule"
                                                                 : "title, description, when, cue or label"));
        if (line.name == "example") {
            property_ = &block_->examples.emplace_back();
        } else {
            auto [found, added] = block_->properties.emplace(line.name, Property{});
            if (!added)
                return error(line.text_column, "duplicate property \"" + line.name + "\" (first set at line " +
                                                   std::to_string(found->second.line) + ")");
            property_ = &found->second;
        }
        property_->indent = line.indent;
        property_->line = number;
        append(number, text, line.value, line.value_column);
    }

    void continue_property(int number, const std::string& text, const CodebookLine& line) {
        append(number, text, line.text, line.text_column);
    }

    void append(int number, const std::string& source, const std::string& value, int column) {
        if (value.empty()) return;
        if (!property_->value.empty()) property_->value += ' ';
        property_->segments.push_back({property_->value.size(), number, column, source});
        property_->value += value;
    }

    // Where byte `offset` of a property's value came from.
    Diagnostic at(const Property& p, std::size_t offset, std::string message) const {
        if (p.segments.empty()) return {{file_, p.line, 1}, std::move(message), ""};
        auto s = std::upper_bound(p.segments.begin(), p.segments.end(), offset,
                                  [](std::size_t o, const Segment& seg) { return o < seg.offset; });
        const Segment& seg = s == p.segments.begin() ? *s : *(s - 1);
        const int column = seg.column + code_points(p.value, seg.offset, std::max(offset, seg.offset));
        return {{file_, seg.line, column}, std::move(message), seg.source};
    }

    void report(Diagnostic d, std::string message) {
        d.message = std::move(message);
        result_.errors.push_back(std::move(d));
    }

    void close_block() {
        if (!block_) return;
        Block& b = *block_;
        const std::string what = (b.is_theme ? "theme \"" : "group \"") + b.id + "\"";
        auto value = [&](const char* name) -> const Property* {
            auto found = b.properties.find(name);
            return found == b.properties.end() || found->second.value.empty() ? nullptr : &found->second;
        };
        auto missing = [&](std::string message) {
            report(b.opened_at, std::move(message));
            b.keep = false;
        };
        const Property* title = value("title");
        if (!title) missing(what + " has no title");
        const Property* description = value("description");
        if (b.is_theme) {
            Theme theme{b.id, title ? title->value : "", description ? description->value : "", {}, "", "", {}};
            for (const Property& example : b.examples)
                if (!example.value.empty()) theme.examples.push_back(example.value);
            if (const Property* parent = value("parent")) {
                theme.parent = parent->value;
                parents_.push_back({b.id, theme.parent, at(*parent, 0, "")});
            }
            if (const Property* rule = value("rule")) {
                theme.rule = rule->value;
                theme.rule_at = at(*rule, 0, "").where;
            } else {
                without_rule_.push_back({b.id, "", b.opened_at});  // allowed for a parent: see check_rules
            }
            if (b.keep) result_.codebook.themes.push_back(std::move(theme));
        } else {
            const Property* when = value("when");
            const Property* cue = value("cue");
            if (!when && !cue) missing(what + " needs a \"when\" or a \"cue\"");
            Group group{b.id, title ? title->value : "", description ? description->value : "", nullptr, {}, "", {}, ""};
            if (when) {
                AttributeRuleParse parsed = parse_attribute_rule(when->value);
                if (!parsed.rule) {
                    report(at(*when, parsed.error_offset, ""), "bad attribute rule: " + parsed.error);
                    b.keep = false;
                }
                group.when = parsed.rule;
                for (const GroupReference& ref : parsed.groups) {
                    if (std::find(group.uses.begin(), group.uses.end(), ref.id) == group.uses.end())
                        group.uses.push_back(ref.id);
                    group_refs_.push_back({b.id, ref.id, at(*when, ref.offset, "")});
                }
            }
            if (cue) {
                group.cue = cue->value;
                group.cue_at = at(*cue, 0, "").where;
            }
            if (const Property* label = value("label")) group.label = label->value;
            if (b.keep) result_.codebook.groups.push_back(std::move(group));
        }
        block_.reset();
    }

    void add_synonyms(const Property& list) {
        SynonymList synonyms{{}, at(list, 0, "").where};
        const std::string& value = list.value;
        bool good = true;
        for (std::size_t start = 0; start <= value.size();) {
            std::size_t end = std::min(value.find(',', start), value.size());
            std::size_t first = value.find_first_not_of(" \t", start);
            if (first == std::string::npos || first > end) first = end;
            std::size_t last = end;
            while (last > first && (value[last - 1] == ' ' || value[last - 1] == '\t')) --last;
            const std::string entry = value.substr(first, last - first);
            if (entry.empty()) {
                if (!value.empty()) report(at(list, first, ""), "empty entry in the synonym list");
                good = false;
            } else if (!has_word_character(entry)) {
                report(at(list, first, ""), "synonym \"" + entry + "\" has no letters or digits");
                good = false;
            } else if (auto [seen, added] = synonym_lines_.emplace(synonym_key(entry), at(list, first, "").where.line);
                       !added) {
                report(at(list, first, ""), "\"" + entry + "\" is already in a synonym list (line " +
                                                std::to_string(seen->second) + ")");
                good = false;
            } else {
                synonyms.entries.push_back(entry);
            }
            start = end + 1;
        }
        if (value.empty() || (good && synonyms.entries.size() < 2)) {
            report(at(list, 0, ""), "a synonym list needs two or more entries, separated by commas");
            good = false;
        }
        if (good) result_.codebook.synonyms.push_back(std::move(synonyms));
    }

    // A theme may go without a rule only when other themes roll up into it.
    void check_rules() {
        auto& themes = result_.codebook.themes;
        for (const Reference& missing : without_rule_) {
            const bool is_parent = std::any_of(parents_.begin(), parents_.end(),
                                               [&](const Reference& p) { return p.to == missing.from; });
            if (is_parent) continue;
            report(missing.at, "theme \"" + missing.from + "\" has no rule (only a parent theme may go without one)");
            themes.erase(std::remove_if(themes.begin(), themes.end(), [&](const Theme& t) { return t.id == missing.from; }),
                         themes.end());
        }
    }

    void check_parents() {
        std::map<std::string, std::string> parent_of;  // among kept themes
        for (const Reference& p : parents_) {
            if (!theme_ids_.count(p.to)) {
                report(p.at, "unknown parent theme \"" + p.to + "\"");
            } else {
                parent_of[p.from] = p.to;
            }
        }
        std::set<std::string> done;
        for (const Theme& theme : result_.codebook.themes) {
            std::vector<std::string> path;
            for (std::string id = theme.id; !done.count(id);) {
                auto on_path = std::find(path.begin(), path.end(), id);
                if (on_path != path.end()) {
                    std::vector<std::string> cycle(on_path, path.end());
                    cycle.push_back(id);
                    const std::string& closing = path.back();
                    auto ref = std::find_if(parents_.begin(), parents_.end(),
                                            [&](const Reference& p) { return p.from == closing; });
                    report(ref->at, "parent themes form a cycle: " + chain(cycle));
                    break;
                }
                path.push_back(id);
                auto parent = parent_of.find(id);
                if (parent == parent_of.end()) break;
                id = parent->second;
            }
            done.insert(path.begin(), path.end());
        }
    }

    void check_group_references() {
        std::map<std::string, std::vector<const Reference*>> uses;  // among kept groups
        for (const Reference& r : group_refs_) {
            if (!group_ids_.count(r.to)) {
                report(r.at, "unknown group \"" + r.to + "\" in in-group()");
            } else {
                uses[r.from].push_back(&r);
            }
        }
        std::set<std::string> done;
        std::vector<std::string> stack;
        std::function<void(const std::string&)> visit = [&](const std::string& id) {
            stack.push_back(id);
            for (const Reference* r : uses[id]) {
                auto on_stack = std::find(stack.begin(), stack.end(), r->to);
                if (on_stack != stack.end()) {
                    std::vector<std::string> cycle(on_stack, stack.end());
                    cycle.push_back(r->to);
                    report(r->at, "groups form a cycle through in-group(): " + chain(cycle));
                } else if (!done.count(r->to)) {
                    visit(r->to);
                }
            }
            stack.pop_back();
            done.insert(id);
        };
        for (const Group& group : result_.codebook.groups)
            if (!done.count(group.id)) visit(group.id);
    }

    std::string file_;
    CodebookParse result_;
    std::optional<Block> block_;
    bool seen_block_ = false;
    Property* property_ = nullptr;  // the property that deeper-indented lines continue
    Property discard_;
    std::deque<Property> synonym_lists_;
    std::map<std::string, int> synonym_lines_;          // synonym key -> line of its list
    std::map<std::string, int> theme_ids_, group_ids_;  // id -> line first defined
    std::vector<Reference> parents_, group_refs_, without_rule_;
};

}  // namespace

CodebookParse parse_codebook(const std::string& text, const std::string& file_name) {
    CodebookParser parser(file_name);
    std::size_t at = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    for (int number = 1; at < text.size(); ++number) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        parser.read_line(number, line);
        at = end + 1;
    }
    return parser.finish();
}

std::vector<std::string> theme_ancestors(const Codebook& codebook, const std::string& theme_id) {
    std::vector<std::string> out;
    std::string id = theme_id;
    while (true) {
        auto theme = std::find_if(codebook.themes.begin(), codebook.themes.end(),
                                  [&](const Theme& t) { return t.id == id; });
        if (theme == codebook.themes.end() || theme->parent.empty()) break;
        if (std::find(out.begin(), out.end(), theme->parent) != out.end() || theme->parent == theme_id) break;
        out.push_back(theme->parent);
        id = theme->parent;
    }
    return out;
}

std::vector<std::size_t> group_evaluation_order(const Codebook& codebook) {
    std::vector<std::size_t> order;
    std::vector<int> state(codebook.groups.size(), 0);  // 0 new, 1 visiting, 2 placed
    std::function<void(std::size_t)> place = [&](std::size_t i) {
        if (state[i] != 0) return;  // a cycle (which parse_codebook refuses) is cut here
        state[i] = 1;
        for (const std::string& used : codebook.groups[i].uses) {
            for (std::size_t j = 0; j < codebook.groups.size(); ++j)
                if (codebook.groups[j].id == used) place(j);
        }
        state[i] = 2;
        order.push_back(i);
    };
    for (std::size_t i = 0; i < codebook.groups.size(); ++i) place(i);
    return order;
}

}  // namespace yousaid
