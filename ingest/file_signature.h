#pragma once
// Input files in no format yousaid reads, told from their first bytes, so that
// the error says what the file is and what to do with it rather than naming a
// byte that is not text: an empty file, an Excel 97-2003 workbook (or any
// workbook with a password, which Excel keeps in that format), an
// OpenDocument spreadsheet, a PDF, and other binary data.
#include <optional>
#include <string>
#include <string_view>

namespace yousaid {

// What `bytes`, a whole input file, are when yousaid cannot read them, as a
// message to follow the file's name and a colon ("the file is empty", "an
// Excel 97-2003 workbook (.xls) or a workbook with a password: ..."); nothing
// when they may be text or an XLSX workbook, which their readers then check.
// Text with NUL bytes in a UTF-16 pattern (every other byte) is left to
// decode_text, which says to save it as UTF-8.
std::optional<std::string> unreadable_input(const std::string& bytes);

// Whether `bytes` start as an OLE compound file does: an Excel 97-2003
// workbook, or a workbook of any age saved with a password.
bool is_office_97_file(std::string_view bytes);

}  // namespace yousaid
