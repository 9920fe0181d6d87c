#pragma once
// Quotes as a report prints them: short, cut at a sentence boundary, and
// attributed by what the respondent told us about themselves.
#include <map>
#include <string>

#include "ingest/response.h"

namespace yousaid::report {

// Words separated by white space.
int count_words(const std::string& text);

// The text whole when it has at most `max_words` words; else as many whole
// sentences (ICU sentence breaks) as fit, then "…"; a first sentence longer than
// that is cut at a word boundary. Line breaks become spaces.
std::string shorten_quote(const std::string& text, int max_words);

// "Woman aged 75-84, carer, lives alone — Telephone survey, July 2014": who
// (from the attributes the respondent gave), then channel, event and month.
std::string attribution(const Response& response);

// "2014-07-25" -> "25 July 2014"; "2014-07" style month -> "July 2014".
std::string long_date(const std::string& iso_date);
std::string month_year(const std::string& iso_date);

}  // namespace yousaid::report
