#include "analysis/codebook.h"

#include <algorithm>
#include <optional>

#include <boost/spirit/home/x3.hpp>

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
        if (line.indent == 0 && line.kind == Kind::property) return header_key(line, error);
        if (line.indent == 0)
            return error(1, block_ ? "expected \"theme ID\" or \"group ID\""
                                   : "expected \"codebook: NAME\", \"version: N\", \"theme ID\" or \"group ID\"");
        if (!block_) return error(line.text_column, "property outside a block (open one with \"theme ID\" or \"group ID\")");
        if (line.kind != Kind::property) return error(line.text_column, "expected \"name: value\"");
        add_property(number, text, line, error);
    }

    CodebookParse finish() {
        close_block();
        return std::move(result_);
    }

private:
    template <typename Error>
    void header_key(const CodebookLine& line, Error error) {
        if (line.name != "codebook" && line.name != "version") {
            if (block_) return error(1, "property \"" + line.name + "\" must be indented under its theme or group");
            return error(1, "unknown header key \"" + line.name + "\": expected codebook or version");
        }
        if (block_) return error(1, "\"" + line.name + ":\" must come before the first theme or group");
        (line.name == "codebook" ? result_.codebook.name : result_.codebook.version) = line.value;
    }

    template <typename Error>
    void open_block(int number, const std::string& text, const CodebookLine& line, Error error) {
        close_block();
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
        static const std::vector<std::string> theme_names = {"title", "description", "rule"};
        static const std::vector<std::string> group_names = {"title", "description", "when", "cue"};
        const auto& names = block_->is_theme ? theme_names : group_names;
        const char* kind = block_->is_theme ? "theme" : "group";
        discard_ = Property{};
        property_ = &discard_;  // an unknown or repeated property still owns its continuations
        property_->indent = line.indent;
        if (std::find(names.begin(), names.end(), line.name) == names.end())
            return error(line.text_column, std::string("unknown ") + kind + " property \"" + line.name +
                                               "\": expected " + (block_->is_theme ? "title, description or rule"
                                                                                   : "title, description, when or cue"));
        auto [found, added] = block_->properties.emplace(line.name, Property{});
        if (!added)
            return error(line.text_column, "duplicate property \"" + line.name + "\" (first set at line " +
                                               std::to_string(found->second.line) + ")");
        property_ = &found->second;
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

    void close_block() {
        if (!block_) return;
        Block& b = *block_;
        const std::string what = (b.is_theme ? "theme \"" : "group \"") + b.id + "\"";
        auto value = [&](const char* name) -> const Property* {
            auto found = b.properties.find(name);
            return found == b.properties.end() || found->second.value.empty() ? nullptr : &found->second;
        };
        auto missing = [&](std::string message) {
            Diagnostic d = b.opened_at;
            d.message = std::move(message);
            result_.errors.push_back(std::move(d));
            b.keep = false;
        };
        const Property* title = value("title");
        if (!title) missing(what + " has no title");
        const Property* description = value("description");
        if (b.is_theme) {
            const Property* rule = value("rule");
            if (!rule) missing(what + " has no rule");
            if (b.keep)
                result_.codebook.themes.push_back({b.id, title->value, description ? description->value : "",
                                                   rule->value, at(*rule, 0, "").where});
        } else {
            const Property* when = value("when");
            const Property* cue = value("cue");
            if (!when && !cue) missing(what + " needs a \"when\" or a \"cue\"");
            Group group{b.id, title ? title->value : "", description ? description->value : "", nullptr, "", {}};
            if (when) {
                AttributeRuleParse parsed = parse_attribute_rule(when->value);
                if (!parsed.rule) {
                    result_.errors.push_back(at(*when, parsed.error_offset, "bad attribute rule: " + parsed.error));
                    b.keep = false;
                }
                group.when = parsed.rule;
            }
            if (cue) {
                group.cue = cue->value;
                group.cue_at = at(*cue, 0, "").where;
            }
            if (b.keep) result_.codebook.groups.push_back(std::move(group));
        }
        block_.reset();
    }

    std::string file_;
    CodebookParse result_;
    std::optional<Block> block_;
    Property* property_ = nullptr;  // the property that deeper-indented lines continue
    Property discard_;
    std::map<std::string, int> theme_ids_, group_ids_;  // id -> line first defined
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

}  // namespace yousaid
