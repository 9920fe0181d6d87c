#include "analysis/attribute_rule.h"

#include <charconv>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "ingest/byte_classes.h"
#include <unicode/unistr.h>

namespace yousaid {

namespace {

using Rule = std::shared_ptr<const AttributeRule>;
using Attributes = std::map<std::string, std::string>;
using GroupTest = AttributeRule::GroupTest;

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string fold(const std::string& s) {
    std::string out;
    icu::UnicodeString::fromUTF8(trim(s)).foldCase().toUTF8String(out);
    return out;
}

std::optional<double> to_number(const std::string& text) {
    double number = 0;
    const char* last = text.data() + text.size();
    auto [end, error] = std::from_chars(text.data(), last, number);
    if (error != std::errc() || end != last) return std::nullopt;
    return number;
}

// Precedence, for writing rules back with only the parentheses they need.
enum Precedence { kOr = 1, kAnd = 2, kNot = 3, kComparison = 4 };

class Node : public AttributeRule {
public:
    virtual Precedence precedence() const = 0;
    std::string text_within(Precedence outer) const {
        return precedence() < outer ? "(" + text() + ")" : text();
    }
    bool holds(const Attributes& a, const GroupTest& in_group) const { return evaluate(a, in_group); }
};

class Comparison : public Node {
public:
    enum class Op { equal, not_equal, in, less, less_equal, greater, greater_equal };
    Comparison(std::string name, Op op, std::vector<std::string> values)
        : name_(std::move(name)), op_(op), values_(std::move(values)) {
        for (const std::string& v : values_) folded_.push_back(fold(v));
        if (is_numeric()) number_ = to_number(values_[0]).value_or(0);
    }
    std::string text() const override {
        static const char* const symbols[] = {" = ", " != ", " in ", " < ", " <= ", " > ", " >= "};
        if (op_ != Op::in) return name_ + symbols[static_cast<int>(op_)] + quoted(values_[0]);
        std::string list;
        for (const std::string& v : values_) list += (list.empty() ? "" : ", ") + quoted(v);
        return name_ + " in (" + list + ")";
    }
    Precedence precedence() const override { return kComparison; }

protected:
    bool evaluate(const Attributes& attributes, const GroupTest&) const override {
        auto found = attributes.find(name_);
        if (is_numeric()) {
            std::optional<double> value;
            if (found != attributes.end()) value = attribute_number(found->second);
            if (!value) return false;
            switch (op_) {
                case Op::less: return *value < number_;
                case Op::less_equal: return *value <= number_;
                case Op::greater: return *value > number_;
                default: return *value >= number_;
            }
        }
        bool equal = false;
        if (found != attributes.end()) {
            const std::string value = fold(found->second);
            for (const std::string& v : folded_) equal = equal || v == value;
        }
        return op_ == Op::not_equal ? !equal : equal;
    }

private:
    bool is_numeric() const { return op_ >= Op::less; }
    static std::string quoted(const std::string& v) {
        const bool bare = !v.empty() && v.find_first_of(" \t(),=\"") == std::string::npos;
        return bare ? v : "\"" + v + "\"";
    }
    std::string name_;
    Op op_;
    std::vector<std::string> values_, folded_;
    double number_ = 0;
};

class Membership : public Node {  // in-group(ID)
public:
    explicit Membership(std::string id) : id_(std::move(id)) {}
    std::string text() const override { return "in-group(" + id_ + ")"; }
    Precedence precedence() const override { return kComparison; }

protected:
    bool evaluate(const Attributes&, const GroupTest& in_group) const override { return in_group && in_group(id_); }

private:
    std::string id_;
};

class Not : public Node {
public:
    explicit Not(std::shared_ptr<const Node> inner) : inner_(std::move(inner)) {}
    std::string text() const override { return "not " + inner_->text_within(kNot); }
    Precedence precedence() const override { return kNot; }

protected:
    bool evaluate(const Attributes& a, const GroupTest& g) const override { return !inner_->holds(a, g); }

private:
    std::shared_ptr<const Node> inner_;
};

class Both : public Node {  // `and` or `or`
public:
    Both(bool is_and, std::shared_ptr<const Node> l, std::shared_ptr<const Node> r)
        : and_(is_and), left_(std::move(l)), right_(std::move(r)) {}
    std::string text() const override {
        return left_->text_within(precedence()) + (and_ ? " and " : " or ") +
               right_->text_within(Precedence(precedence() + 1));
    }
    Precedence precedence() const override { return and_ ? kAnd : kOr; }

protected:
    bool evaluate(const Attributes& a, const GroupTest& g) const override {
        return and_ ? left_->holds(a, g) && right_->holds(a, g) : left_->holds(a, g) || right_->holds(a, g);
    }

private:
    bool and_;
    std::shared_ptr<const Node> left_, right_;
};

// The grammar builds the rule bottom-up on a stack held in the parse context.
struct Builder {
    std::string::const_iterator text_begin;
    std::vector<std::shared_ptr<const Node>> stack;
    std::string name;
    Comparison::Op op = Comparison::Op::equal;
    std::vector<std::string> values;
    std::vector<GroupReference> groups;
};

namespace x3 = boost::spirit::x3;
namespace bytes = yousaid::byte_classes;
struct builder_tag;

Builder& builder(auto& ctx) { return x3::get<builder_tag>(ctx); }
auto const pop = [](Builder& b) { auto node = b.stack.back(); b.stack.pop_back(); return node; };
auto const set_name = [](auto& ctx) {
    builder(ctx).name = fold(x3::_attr(ctx));
    builder(ctx).values.clear();
};
auto const set_op = [](Comparison::Op op) { return [op](auto& ctx) { builder(ctx).op = op; }; };
auto const add_value = [](auto& ctx) { builder(ctx).values.push_back(trim(x3::_attr(ctx))); };
auto const push_comparison = [](auto& ctx) {
    Builder& b = builder(ctx);
    b.stack.push_back(std::make_shared<Comparison>(b.name, b.op, b.values));
};
auto const push_membership = [](auto& ctx) {
    Builder& b = builder(ctx);
    const auto& range = x3::_attr(ctx);  // raw: where the id is written
    const std::string id(range.begin(), range.end());
    b.groups.push_back({id, static_cast<std::size_t>(range.begin() - b.text_begin)});
    b.stack.push_back(std::make_shared<Membership>(id));
};
auto const make_not = [](auto& ctx) { auto& b = builder(ctx); b.stack.push_back(std::make_shared<Not>(pop(b))); };
auto const make_both = [](bool is_and) {
    return [is_and](auto& ctx) {
        Builder& b = builder(ctx);
        auto right = pop(b);
        auto left = pop(b);
        b.stack.push_back(std::make_shared<Both>(is_and, left, right));
    };
};

auto keyword(const char* word) {
    return x3::lexeme[bytes::no_case_word(word) >> !(bytes::alnum | '_')];
}
// Rules are named for the messages: "expected " + name.
template <typename Tag>
auto named(const char* name, auto parser) { return x3::rule<Tag>{name} = parser; }

x3::rule<class or_rule_> const or_rule = "an attribute name";
x3::rule<class and_rule_> const and_rule = "an attribute name";
x3::rule<class not_rule_> const not_rule = "an attribute name";

auto const name = x3::rule<class name_, std::string>{"an attribute name"} =
    x3::lexeme[+(bytes::alnum | x3::char_('_'))];
auto const value = x3::rule<class value_, std::string>{"a value"} = x3::lexeme[
    ('"' >> *~x3::char_('"') > named<class quote_>("a closing quote", x3::lit('"'))) |
    +(x3::char_ - bytes::space - x3::char_("(),=\""))];
auto const number = x3::rule<class number_, std::string>{"a number"} =
    x3::lexeme[-x3::char_('-') >> +bytes::digit >> -(x3::char_('.') >> +bytes::digit) >> !(bytes::alnum | '_' | '.')];
auto const a_value = x3::rule<class a_value_>{"a value"} = value[add_value];
auto const a_number = x3::rule<class a_number_>{"a number"} = number[add_value];
auto const values = '(' > a_value > *(',' > a_value) > named<class list_end_>("\",\" or \")\"", x3::lit(')'));
auto const numeric_op = x3::lit("<=")[set_op(Comparison::Op::less_equal)] |
                        x3::lit(">=")[set_op(Comparison::Op::greater_equal)] |
                        x3::lit('<')[set_op(Comparison::Op::less)] | x3::lit('>')[set_op(Comparison::Op::greater)];
auto const op_part = named<class op_>(
    "\"=\", \"!=\", \"in\", \"<\", \"<=\", \">\" or \">=\" after the attribute name",
    (x3::lit("!=")[set_op(Comparison::Op::not_equal)] > a_value) |
        (x3::lit('=')[set_op(Comparison::Op::equal)] > a_value) | (numeric_op > a_number) |
        (keyword("in")[set_op(Comparison::Op::in)] > named<class open_>("\"(\" after \"in\"", values)));
auto const comparison = (name[set_name] > op_part)[push_comparison];
auto const group_id = named<class group_id_>("a group id (lower case letters, digits and hyphens)",
                                             x3::raw[x3::lexeme[+x3::char_("a-z0-9-")]][push_membership]);
auto const membership = x3::lexeme[bytes::no_case_word("in-group") >> !(bytes::alnum | '_' | '-')] >
                        named<class group_open_>("\"(\" after \"in-group\"", x3::lit('(')) > group_id >
                        named<class group_close_>("\")\" after the group id", x3::lit(')'));
auto const primary = ('(' > or_rule > named<class close_>("\")\"", x3::lit(')'))) | membership | comparison;
auto const not_rule_def = (keyword("not") > not_rule)[make_not] | primary;
auto const and_rule_def = not_rule >> *((keyword("and") > not_rule)[make_both(true)]);
auto const or_rule_def = and_rule >> *((keyword("or") > and_rule)[make_both(false)]);
BOOST_SPIRIT_DEFINE(or_rule, and_rule, not_rule)

}  // namespace

AttributeRuleParse parse_attribute_rule(const std::string& text) {
    AttributeRuleParse result;
    Builder b;
    b.text_begin = text.begin();
    auto first = text.begin();
    try {
        const bool ok = x3::phrase_parse(first, text.end(), x3::with<builder_tag>(b)[or_rule], bytes::space);
        x3::phrase_parse(first, text.end(), x3::eps, bytes::space);  // skip trailing spaces
        if (ok && first == text.end()) {
            result.rule = b.stack.back();
            result.groups = std::move(b.groups);
            return result;
        }
        result.error = ok ? "expected \"and\", \"or\" or the end of the rule" : "expected an attribute name";
    } catch (const x3::expectation_failure<std::string::const_iterator>& failure) {
        first = failure.where();
        x3::phrase_parse(first, text.end(), x3::eps, bytes::space);
        result.error = "expected " + failure.which();
    }
    result.error_offset = static_cast<std::size_t>(first - text.begin());
    return result;
}

std::optional<double> attribute_number(const std::string& value) {
    auto const digits = x3::lexeme[-x3::lit('-') >> +bytes::digit >> -('.' >> +bytes::digit)];
    auto const upper = x3::lit('+') | ((x3::lit('-') | x3::lit("\xE2\x80\x93") | bytes::no_case_word("to")) >> digits);
    std::string lower;
    auto const keep = [&lower](auto& ctx) {
        lower.assign(x3::_attr(ctx).begin(), x3::_attr(ctx).end());
    };
    auto first = value.begin();
    if (!x3::phrase_parse(first, value.end(), x3::raw[digits][keep] >> -upper >> x3::eoi, bytes::space)) return std::nullopt;
    return to_number(lower);
}

}  // namespace yousaid
