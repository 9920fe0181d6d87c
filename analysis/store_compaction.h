#pragma once
// Compacting a store in place with Xapian's compaction: every table rewritten
// with full blocks and the revisions writers left behind dropped, so the store
// takes less disk and reads faster.
#include <cstdint>
#include <string>

#include <xapian.h>

namespace yousaid {

struct CompactionSizes {
    std::uintmax_t before = 0;  // bytes in the store's folder
    std::uintmax_t after = 0;
};

// Compacts the store in `path`, whose write lock `writer` holds (so nothing
// commits meanwhile). The compacted copy, with the store's rejects/ folder, is
// made in a folder beside the store and swapped for it in one rename
// (RENAME_EXCHANGE), so a reader opening the store finds the old or the new,
// whole, and readers already open go on reading the old files. A failure or
// kill before the swap leaves the store as it was; the next compaction
// removes the folder it left. Docids are kept. Throws Xapian::Error, or
// std::filesystem::filesystem_error for the folder beside the store.
CompactionSizes compact_store(const Xapian::WritableDatabase& writer, const std::string& path);

// Whether a command that wrote `written` documents into a store now holding
// `in_store` should compact it: when it wrote at least a quarter of them. A
// compaction costs time in proportion to the store, and Xapian's tables, as
// its writers leave them, are about a third larger than compacted (more where
// documents were rewritten, as campaigns and tags rewrite them). Compacting
// only after such writes keeps the store near its compacted size while the
// compactions, each at most four times its write, add no more than linear time.
bool worth_compacting_after(Xapian::doccount written, Xapian::doccount in_store);

}  // namespace yousaid
