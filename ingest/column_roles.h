#pragma once
// What each CSV column holds, found from the header (README "CSV columns").
// Header names match a role ignoring case, spaces, hyphens and underscores
// ("Response ID", "response_id" and "responseid" are all the id). The first
// column for a role takes it; every other column is an attribute named by its
// header in snake_case. Names are made unique first: a repeated name gets _2,
// _3, ... ("Age band", "Age band" -> age_band, age_band_2), so a repeated role
// column becomes an attribute. A blank header is named column_N (1-based).
#include <string>
#include <vector>

namespace yousaid {

// `personal` columns (names, email and IP addresses, phone numbers, street
// addresses) that survey tools export are never stored.
enum class ColumnRole { id, text, event, channel, date, question, attribute, personal };

struct Column {
    ColumnRole role = ColumnRole::attribute;
    std::string name;  // snake_case, unique within the header
};

std::vector<Column> assign_column_roles(const std::vector<std::string>& header);

// "Long-term condition " -> "long_term_condition": ASCII letters lower-cased,
// each run of other ASCII characters (spaces, punctuation) one underscore, none
// at either end. Bytes of non-ASCII characters are kept as they are.
std::string snake_case(const std::string& name);

// The header names that give the text role, for messages: "text, response, ...".
std::string text_column_names();

}  // namespace yousaid
