#pragma once
// Quotes as a report prints them: short, cut at a sentence boundary, and
// attributed by what the respondent told us about themselves, how and where.
#include <map>
#include <string>

#include "ingest/response.h"

namespace yousaid::report {

// Words separated by white space.
int count_words(const std::string& text);

// The text whole when it has at most `max_words` words; else as many whole
// sentences (ICU sentence breaks) as fit, then " …". When even the first
// sentence is too long, it is cut after the last ".", "!", "?" or "…" followed
// by a space that fits (sentences ICU does not see, such as "waited... then"),
// and only when there is none at a word boundary. Line breaks become spaces.
std::string shorten_quote(const std::string& text, int max_words);

// Gender and age band, as the respondent gave them: "Woman aged 75-84",
// "Man", "Aged 16-24"; empty when neither was given.
std::string person_from_attributes(const Response& response);

// "Working parent, outreach, Macclesfield, July 2014": `who`, then the channel
// (in sentence case: "face-to-face survey"), then the place, then the month.
// The place is the event's, after its last comma ("Mums and tots group,
// Macclesfield"), or the event's name when it has no comma and is not the
// channel ("Tesco Macclesfield"); an event that names the channel stands for
// both ("Telephone survey" for Telephone, "Congleton stakeholder panel").
// `who` empty reads "Participant".
std::string attribution(const Response& response, const std::string& who);
// The same, with who from person_from_attributes().
std::string attribution(const Response& response);

// "2014-07-25" -> "25 July 2014"; "2014-07" style month -> "July 2014".
std::string long_date(const std::string& iso_date);
std::string month_year(const std::string& iso_date);

}  // namespace yousaid::report
