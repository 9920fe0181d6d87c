#pragma once
// Replacing a store whole: a new copy is made in a folder beside it, where no
// reader looks, and swapped for it in one rename. What a killed run leaves
// beside the store goes the next time a folder for the same purpose is made.
#include <cstdint>
#include <filesystem>
#include <string>

namespace yousaid {

// A folder beside the store `store_path`, named ".<store>.<purpose>-XXXXXX";
// removed with everything in it when this goes. Making one first removes the
// folders for `purpose` that earlier, killed runs left, so it is to be made
// only by a holder of the store's write lock. Throws
// std::filesystem::filesystem_error.
class FolderBesideStore {
public:
    FolderBesideStore(const std::string& store_path, const std::string& purpose);
    ~FolderBesideStore();
    FolderBesideStore(const FolderBesideStore&) = delete;
    FolderBesideStore& operator=(const FolderBesideStore&) = delete;

    // Where the new copy of the store goes: "<folder>/store".
    std::filesystem::path copy() const { return folder_ / "store"; }
    // The store's own folder, absolute.
    const std::filesystem::path& store() const { return store_; }

    // Swaps the copy and the store in one step where the file system can (a
    // reader opening the store finds the old or the new, whole; readers
    // already open go on reading the old files); else in two renames, between
    // which the store's path names nothing for a moment. The old store is then
    // the copy, and goes with this folder.
    void swap_in() const;

private:
    std::filesystem::path store_;
    std::filesystem::path folder_;
};

// Bytes in the regular files under `folder`.
std::uintmax_t folder_bytes(const std::filesystem::path& folder);

}  // namespace yousaid
