#pragma once
// Guessing the field delimiter of delimited text: comma, tab or semicolon.
#include <string>

namespace yousaid {

// The delimiter that splits the first 20 records (blank lines skipped; double
// quotes may hold delimiters and line breaks) most consistently into more than
// one field: the one whose commonest field count covers most records, then the
// one with more fields, then ',' before '\t' before ';'. ',' when none gives
// more than one field. A leading UTF-8 BOM is ignored.
char sniff_delimiter(const std::string& utf8_text);

// "CSV" for ',', "TSV" for '\t', "semicolon-separated" for ';'.
std::string delimiter_format_name(char delimiter);

}  // namespace yousaid
