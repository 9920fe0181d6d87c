#pragma once
// The map from a font's character codes to Unicode that PDF readers use to
// copy, search and read aloud the text of the report.
#include <hpdf.h>

namespace yousaid::report {

// Gives `font`, a TrueType font libharu loaded with its UTF-8 encoder, the
// ToUnicode map its codes mean. libharu 2.3 writes text in that font as
// UTF-16 code units (Identity-H) but gives it, as ToUnicode, a map from codes
// to CIDs ("begincidrange"), which readers reject (poppler: "Invalid
// 'begincidrange' operator in ToUnicode CMap") before guessing the text from
// the font's own tables. Rewrites that stream in place as the identity from
// each code to the same UTF-16 code unit. False when `font` has no such stream.
bool write_identity_to_unicode(HPDF_Font font);

}  // namespace yousaid::report
