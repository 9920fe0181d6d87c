#include "analysis/store_compaction.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

namespace yousaid {

namespace fs = std::filesystem;

namespace {

std::uintmax_t folder_bytes(const fs::path& folder) {
    std::uintmax_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) bytes += entry.file_size();
    }
    return bytes;
}

// Swaps two folders in one step where the file system can; else in two
// renames, between which the store's path names nothing for a moment.
void swap_folders(const fs::path& a, const fs::path& b) {
    if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return;
    if (errno != EINVAL && errno != ENOSYS) throw fs::filesystem_error("cannot swap folders", a, b, std::error_code(errno, std::generic_category()));
    const fs::path aside = b.string() + ".old";
    fs::rename(b, aside);
    fs::rename(a, b);
    fs::rename(aside, a);
}

}  // namespace

// `writer` is not used here, only held by the caller for its lock.
CompactionSizes compact_store([[maybe_unused]] const Xapian::WritableDatabase& writer, const std::string& path) {
    fs::path store = fs::absolute(path).lexically_normal();
    if (store.filename().empty()) store = store.parent_path();
    const fs::path parent = store.parent_path();
    const std::string prefix = "." + store.filename().string() + ".compacting-";

    // What an earlier, killed compaction left.
    for (const auto& entry : fs::directory_iterator(parent)) {
        if (entry.is_directory() && entry.path().filename().string().starts_with(prefix)) fs::remove_all(entry.path());
    }
    std::string holder = (parent / (prefix + "XXXXXX")).string();
    if (!::mkdtemp(holder.data())) {
        throw fs::filesystem_error("cannot make a folder beside the store", holder, std::error_code(errno, std::generic_category()));
    }
    const fs::path compacted = fs::path(holder) / "store";
    CompactionSizes sizes;
    try {
        sizes.before = folder_bytes(store);
        Xapian::Database(store.string())
            .compact(compacted.string(), Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL);
        if (fs::exists(store / "rejects")) fs::copy(store / "rejects", compacted / "rejects", fs::copy_options::recursive);
        swap_folders(compacted, store);
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(holder, ignored);
        throw;
    }
    fs::remove_all(holder);  // the store as it was; open readers keep their files
    sizes.after = folder_bytes(store);
    return sizes;
}

bool worth_compacting_after(Xapian::doccount written, Xapian::doccount in_store) {
    return written > 0 && static_cast<std::uint64_t>(written) * 4 >= in_store;
}

}  // namespace yousaid
