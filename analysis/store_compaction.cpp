#include "analysis/store_compaction.h"

#include <filesystem>

#include "analysis/store_folders.h"

namespace yousaid {

namespace fs = std::filesystem;

// `writer` is not used here, only held by the caller for its lock.
CompactionSizes compact_store([[maybe_unused]] const Xapian::WritableDatabase& writer, const std::string& path) {
    const FolderBesideStore beside(path, "compacting");
    const fs::path store = beside.store(), compacted = beside.copy();
    CompactionSizes sizes;
    sizes.before = folder_bytes(store);
    Xapian::Database(store.string())
        .compact(compacted.string(), Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL);
    if (fs::exists(store / "rejects")) fs::copy(store / "rejects", compacted / "rejects", fs::copy_options::recursive);
    beside.swap_in();
    sizes.after = folder_bytes(store);
    return sizes;  // the store as it was goes with `beside`; open readers keep its files
}

bool worth_compacting_after(Xapian::doccount written, Xapian::doccount in_store) {
    return written > 0 && static_cast<std::uint64_t>(written) * 4 >= in_store;
}

}  // namespace yousaid
