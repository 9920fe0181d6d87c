#include "templates/template_parser.h"

#include <array>
#include <optional>
#include <string_view>

#include <boost/spirit/home/x3.hpp>

namespace yousaid::templates {

namespace x3 = boost::spirit::x3;

namespace {

// The template is line oriented, so the grammar is a set of X3 rules, one per
// kind of line, and the parser walks the lines choosing a rule by the line's
// first characters. That keeps error recovery trivial (the next line starts
// afresh) and lets every error in a file be reported.
namespace grammar {
const auto blank = x3::omit[x3::char_(" \t")];
const auto word_char = x3::char_("a-zA-Z0-9_:-");  // ':' for arguments such as attribute:NAME
// A block's name or argument, as the stretch of text it covers (for its column).
const auto word = x3::raw[+word_char];
const auto key = x3::rule<struct key_tag, std::string>{"key"} = x3::lexeme[+x3::char_("a-zA-Z0-9_-")];
const auto placeholder_name = x3::rule<struct name_tag, std::string>{"name"} =
    x3::lexeme[+x3::char_("a-zA-Z0-9_")];

// `key:` at the start of a line; the value is the rest of the line.
const auto field_head = key >> x3::lit(':');
// `[name arg ...` up to, not including, the closing bracket.
const auto block_head = x3::lit('[') >> *blank >> (word % +blank) >> *blank;
// `{{name}}`
const auto placeholder = x3::lit("{{") >> placeholder_name >> x3::lit("}}");
}  // namespace grammar

constexpr std::array<std::string_view, 5> kCoverKeys = {"title", "subtitle", "programme", "author",
                                                        "date"};

using Iterator = std::string::const_iterator;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

class Parser {
public:
    Parser(const std::string& text, const std::string& file_name)
        : text_(text), file_name_(file_name) {}

    TemplateParse run() {
        std::size_t start = 0;
        if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;  // UTF-8 byte order mark
        while (start < text_.size()) {
            std::size_t end = text_.find('\n', start);
            if (end == std::string::npos) end = text_.size();
            std::size_t content_end = end;
            if (content_end > start && text_[content_end - 1] == '\r') --content_end;
            ++line_number_;
            line_start_ = start;
            parse_line(start, content_end);
            start = end + 1;
        }
        end_paragraph();
        if (result_.report_template.sections.empty() && result_.errors.empty()) {
            error(text_.size(), "the template has no sections (a section starts with \"section: Heading\")");
        }
        return std::move(result_);
    }

private:
    // Records an error at byte `offset` of the whole text.
    void error(std::size_t offset, const std::string& message) {
        LinePosition pos = locate(text_, offset);
        result_.errors.push_back(Diagnostic{{file_name_, pos.line, pos.column}, message, pos.text});
    }

    // Where byte `offset` of the current line is.
    SourceLocation at(std::size_t offset) const {
        return {file_name_, line_number_, code_point_column(text_.begin() + line_start_, text_.begin() + offset)};
    }

    void parse_line(std::size_t begin, std::size_t end) {
        std::string_view line(text_.data() + begin, end - begin);
        std::string_view content = trim(line);
        std::size_t first = begin + (content.empty() ? 0 : content.data() - line.data());
        if (content.empty()) {
            end_paragraph();
            return;
        }
        if (content.front() == '#') return;  // a comment does not end a paragraph

        Iterator it = text_.begin() + first;
        Iterator stop = text_.begin() + end;
        std::string key;
        if (x3::parse(it, stop, grammar::field_head, key) && key == "section") {
            end_paragraph();
            std::string_view heading = trim(rest_of_line(it, stop));
            if (heading.empty()) {
                error(first, "a section needs a heading: \"section: Heading\"");
            }
            TemplateText title{std::string(heading), {}};
            check_placeholders(it - text_.begin(), end, title.placeholders);
            result_.report_template.sections.push_back(TemplateSection{std::move(title), {}});
            return;
        }
        if (!in_section()) {
            parse_cover_field(first, end);
            return;
        }
        if (content.front() == '[') {
            end_paragraph();
            parse_block(first, end);
            return;
        }
        if (paragraph_) {
            paragraph_->text += ' ';
            paragraph_->text += content;
        } else {
            paragraph_ = TextItem{{std::string(content), {}}, line_number_};
        }
        check_placeholders(first, end, paragraph_->placeholders);
    }

    std::string_view rest_of_line(Iterator from, Iterator stop) const {
        return std::string_view(text_.data() + (from - text_.begin()), stop - from);
    }

    bool in_section() const { return !result_.report_template.sections.empty(); }

    void end_paragraph() {
        if (!paragraph_) return;
        result_.report_template.sections.back().items.emplace_back(std::move(*paragraph_));
        paragraph_.reset();
    }

    void parse_cover_field(std::size_t first, std::size_t end) {
        Iterator it = text_.begin() + first;
        Iterator stop = text_.begin() + end;
        std::string key;
        if (!x3::parse(it, stop, grammar::field_head, key)) {
            error(first,
                  "expected a cover field (\"key: value\") or \"section: Heading\" before the first "
                  "section");
            return;
        }
        bool known = false;
        for (std::string_view k : kCoverKeys) known = known || k == key;
        if (!known) {
            error(first, "unknown cover field \"" + key +
                             "\" (expected title, subtitle, programme, author or date)");
            return;
        }
        std::string_view value = trim(rest_of_line(it, stop));
        if (value.empty()) {
            error(first, "cover field \"" + key + "\" has no value");
            return;
        }
        auto& fields = result_.report_template.fields;
        if (fields.count(key) != 0) {
            error(first, "cover field \"" + key + "\" is given twice");
            return;
        }
        TemplateText field{std::string(value), {}};
        check_placeholders(it - text_.begin(), end, field.placeholders);
        fields[key] = std::move(field);
    }

    // A block call: `[name arg ...]` alone on its line.
    void parse_block(std::size_t first, std::size_t end) {
        Iterator it = text_.begin() + first;
        Iterator stop = text_.begin() + end;
        std::vector<boost::iterator_range<Iterator>> words;
        bool ok = x3::parse(it, stop, grammar::block_head, words);
        if (!ok) {
            // Only the name can be missing: '[' itself is known to be there.
            Iterator after = text_.begin() + first + 1;
            while (after != stop && is_blank(*after)) ++after;
            error(after - text_.begin(), after == stop || *after == ']'
                                             ? "a block call needs a name: [name argument ...]"
                                             : unexpected(after, stop));
            return;
        }
        if (it == stop) {
            error(it - text_.begin(), "expected ']' to close the block call");
            return;
        }
        if (*it != ']') {
            error(it - text_.begin(), unexpected(it, stop));
            return;
        }
        Iterator rest = it + 1;
        while (rest != stop && is_blank(*rest)) ++rest;
        if (rest != stop) {
            error(rest - text_.begin(), "unexpected text after the block call's ']'");
            return;
        }
        BlockItem block;
        block.where = at(first);
        block.name.assign(words.front().begin(), words.front().end());
        block.name_at = at(words.front().begin() - text_.begin());
        for (std::size_t i = 1; i < words.size(); ++i) {
            block.arguments.emplace_back(words[i].begin(), words[i].end());
            block.arguments_at.push_back(at(words[i].begin() - text_.begin()));
        }
        result_.report_template.sections.back().items.emplace_back(std::move(block));
    }

    static std::string unexpected(Iterator at, Iterator end) {
        // Show the whole UTF-8 sequence, not its first byte.
        std::string shown(1, *at);
        for (Iterator next = at + 1; (static_cast<unsigned char>(*at) & 0x80) != 0 && next != end &&
                                     (static_cast<unsigned char>(*next) & 0xC0) == 0x80;
             ++next) {
            shown += *next;
        }
        return "unexpected '" + shown +
               "' in block call (names and arguments are letters, digits, hyphens, "
               "underscores and colons)";
    }

    // Every `{{` in [begin, end) of the current line must start a well-formed
    // `{{name}}`; each good one is added to `found`.
    void check_placeholders(std::size_t begin, std::size_t end, std::vector<Placeholder>& found) {
        std::string_view line(text_.data() + begin, end - begin);
        std::size_t open = line.find("{{");
        while (open != std::string_view::npos) {
            Iterator it = text_.begin() + begin + open;
            Iterator stop = text_.begin() + end;
            std::string name;
            if (x3::parse(it, stop, grammar::placeholder, name)) {
                found.push_back(Placeholder{std::move(name), at(begin + open)});
                open = line.find("{{", it - (text_.begin() + begin));
                continue;
            }
            std::size_t close = line.find("}}", open + 2);
            if (close == std::string_view::npos) {
                error(begin + open, "placeholder is not closed: \"{{\" needs \"}}\" on the same line");
                return;
            }
            error(begin + open,
                  "placeholder \"" + std::string(line.substr(open, close + 2 - open)) +
                      "\" needs a name of letters, digits and underscores, like {{responses}}");
            open = line.find("{{", close + 2);
        }
    }

    const std::string& text_;
    const std::string& file_name_;
    TemplateParse result_;
    std::optional<TextItem> paragraph_;
    int line_number_ = 0;
    std::size_t line_start_ = 0;  // byte offset of the current line
};

}  // namespace

TemplateParse parse_template(const std::string& text, const std::string& file_name) {
    return Parser(text, file_name).run();
}

}  // namespace yousaid::templates
