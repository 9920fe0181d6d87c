#pragma once
// Responses from stakeholder-panel notes (format in README "Stakeholder-panel
// notes"): each point is one response carrying the fields set above it.
// Its location is the line of its "- " and the column where its text starts.
// `topic` is the response's question; `title`, `place` and `attendees` are kept
// as attributes of those names, and a point's {attributes} are added to them.
// A key with an empty value, or with a bad date or number, unsets the field.
// Each bad line is a rejected record (its raw text is that line); a point that
// cannot be read (bad attributes, no text) is one rejected record with its
// continuation lines. Only lines that directly follow a point (or its
// continuation) continue it: a blank line or comment ends the point.
#include <string>

#include "ingest/raw_response.h"

namespace yousaid {

ReadResult read_panel_notes(const std::string& text, const std::string& file_name);

}  // namespace yousaid
