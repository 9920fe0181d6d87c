#include "analysis/facet_counting.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "analysis/boolean_matches.h"
#include "analysis/facet_cache.h"
#include "analysis/facet_codes.h"
#include "analysis/schema.h"
#include "analysis/search.h"
#include "analysis/slot_counting.h"

namespace yousaid {

namespace {

// The facet numbers of documents given in docid order, read from the facets
// value stream.
class ValueCodes {
public:
    explicit ValueCodes(const Xapian::Database& db) : values_(db, schema::kFacetsSlot) {}
    template <typename F>
    void for_each_code(Xapian::docid did, F&& f) {
        if (const std::string* value = values_.value_of(did)) for_each_facet_code(*value, f);
    }

private:
    ValueCursor values_;
};

// The facet numbers of any document, from the store's facets cache.
class CachedCodes {
public:
    explicit CachedCodes(const FacetCache& cache) : cache_(cache) {}
    template <typename F>
    void for_each_code(Xapian::docid did, F&& f) const {
        cache_.for_each_code(did, f);
    }

private:
    const FacetCache& cache_;
};

// Facet numbers counted in an array indexed by number, read through `Codes`.
template <typename Codes>
class FacetCodeTally {
public:
    FacetCodeTally(Codes codes, std::size_t size) : codes_(std::move(codes)), counts_(size) {}

    void count(Xapian::docid did) {
        codes_.for_each_code(did, [&](std::uint32_t code) {
            if (code < counts_.size()) ++counts_[code];
        });
    }

    const std::vector<Xapian::doccount>& counts() const { return counts_; }

private:
    Codes codes_;
    std::vector<Xapian::doccount> counts_;
};

// Counts one slot's entries over every match (a store without the facets value).
class FacetCounter : public Xapian::MatchSpy {
public:
    FacetCounter(const Xapian::Database& db, Xapian::valueno slot) : entries_(db, slot) {}
    void operator()(const Xapian::Document& doc, double) override { entries_.count(doc.get_docid()); }
    std::map<std::string, Xapian::doccount> counts() const { return entries_.counts(); }

private:
    SlotEntryCounter entries_;
};

// Counts every match as the matcher visits it, on the matcher's thread.
template <typename Codes>
class FacetCodeCounter : public Xapian::MatchSpy {
public:
    FacetCodeCounter(Codes codes, std::size_t size) : tally_(std::move(codes), size) {}
    void operator()(const Xapian::Document& doc, double) override { count(doc.get_docid()); }
    void count(Xapian::docid did) { tally_.count(did); }
    std::vector<Xapian::doccount> finish() const { return tally_.counts(); }

private:
    FacetCodeTally<Codes> tally_;
};

// Counts the facet codes of the docids handed to it, on a thread of its own
// with its own handle on the store.
class FacetCodeThread {
public:
    FacetCodeThread(Xapian::Database own, std::size_t codes)
        : db_(std::move(own)), tally_(ValueCodes(db_), codes), thread_([this] { work(); }) {}
    ~FacetCodeThread() { stop(); }
    FacetCodeThread(const FacetCodeThread&) = delete;
    FacetCodeThread& operator=(const FacetCodeThread&) = delete;

    // `batch` ascends, and starts after every batch added before it.
    void add(std::vector<Xapian::docid> batch) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            queue_.push_back(std::move(batch));
        }
        ready_.notify_one();
    }

    // Waits for every docid added to be counted; rethrows what stopped the thread.
    const std::vector<Xapian::doccount>& finish() {
        stop();
        if (failure_) std::rethrow_exception(failure_);
        return tally_.counts();
    }

private:
    void stop() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            done_ = true;
        }
        ready_.notify_one();
        if (thread_.joinable()) thread_.join();
    }

    void work() {
        try {
            for (;;) {
                std::vector<Xapian::docid> batch;
                {
                    std::unique_lock<std::mutex> lock(mutex_);
                    ready_.wait(lock, [&] { return done_ || !queue_.empty(); });
                    if (queue_.empty()) return;
                    batch = std::move(queue_.front());
                    queue_.pop_front();
                }
                for (Xapian::docid did : batch) tally_.count(did);
            }
        } catch (...) {
            failure_ = std::current_exception();
        }
    }

    Xapian::Database db_;
    FacetCodeTally<ValueCodes> tally_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::vector<Xapian::docid>> queue_;
    bool done_ = false;
    std::exception_ptr failure_;
    std::thread thread_;  // last: starts once everything it uses is built
};

// Reads the matches' facets on threads of their own: the matcher's thread only
// collects docids and hands them, in batches, to each thread in turn, so
// reading values overlaps matching and, once ranking is done, fills both cores.
class FacetCodeWorkers : public Xapian::MatchSpy {
public:
    FacetCodeWorkers(std::vector<Xapian::Database> handles, std::size_t codes) : codes_(codes) {
        for (Xapian::Database& db : handles) threads_.push_back(std::make_unique<FacetCodeThread>(std::move(db), codes));
        batch_.reserve(kBatch);
    }

    void operator()(const Xapian::Document& doc, double) override { count(doc.get_docid()); }
    void count(Xapian::docid did) {
        batch_.push_back(did);
        if (batch_.size() == kBatch) hand_over();
    }

    // The counts of every thread, summed, once each has counted all it was given.
    std::vector<Xapian::doccount> finish() {
        hand_over();
        std::vector<Xapian::doccount> sum(codes_);
        for (auto& thread : threads_) {
            const std::vector<Xapian::doccount>& counts = thread->finish();
            for (std::size_t code = 0; code < codes_; ++code) sum[code] += counts[code];
        }
        return sum;
    }

private:
    static constexpr std::size_t kBatch = 1024;

    void hand_over() {
        if (batch_.empty()) return;
        threads_[next_]->add(std::move(batch_));
        next_ = (next_ + 1) % threads_.size();
        batch_ = {};
        batch_.reserve(kBatch);
    }

    std::size_t codes_;
    std::vector<std::unique_ptr<FacetCodeThread>> threads_;
    std::vector<Xapian::docid> batch_;
    std::size_t next_ = 0;
};

// A second handle on the same revision of the store, or nullopt when there is
// none (no way to reopen it, or a writer committed in between).
std::optional<Xapian::Database> same_store_again(const Xapian::Database& db, const StoreReopener& reopen) {
    if (!reopen) return std::nullopt;
    try {
        Xapian::Database again = reopen();
        if (again.size() == 1 && again.get_revision() == db.get_revision()) return again;
    } catch (const Xapian::Error&) {
        // a remote shard has no revision to compare: count on one thread
    }
    return std::nullopt;
}

// The slot of each facet, for stores of several databases, remote shards and
// stores written before the facets value: one value per facet, ids joined.
struct FacetSlot {
    Xapian::valueno slot;
    char kind;
};
constexpr FacetSlot kFacetSlots[] = {{schema::kThemesSlot, schema::kThemeFacet},
                                     {schema::kGroupsSlot, schema::kGroupFacet},
                                     {schema::kPolaritySlot, schema::kPolarityFacet},
                                     {schema::kEventSlot, schema::kEventFacet},
                                     {schema::kChannelSlot, schema::kChannelFacet}};

struct MatchCount {
    Xapian::doccount total = 0;
    std::vector<Xapian::doccount> codes;  // matches per facet code
};

// Every match of the serialised query, and its facet codes, counted on a
// handle of its own (so on another thread than the caller's), without weights,
// which need no document lengths (for_each_match). `spy` counts the codes:
// count(docid) for each match, then finish().
template <typename Spy>
MatchCount count_matches(Xapian::Database counting, const std::string& query, Spy& spy) {
    Xapian::doccount total = 0;
    for_each_match(counting, Xapian::Query::unserialise(query), [&](Xapian::docid did) {
        spy.count(did);
        ++total;
    });
    return {total, spy.finish()};
}

// Handles on the same revision as `db`, up to `wanted`; fewer when the store
// cannot be reopened as it was.
std::vector<Xapian::Database> same_store_handles(const Xapian::Database& db, const StoreReopener& reopen,
                                                 std::size_t wanted) {
    std::vector<Xapian::Database> handles;
    while (handles.size() < wanted) {
        std::optional<Xapian::Database> again = same_store_again(db, reopen);
        if (!again) break;
        handles.push_back(std::move(*again));
    }
    return handles;
}

}  // namespace

CountedMatches matches_with_facets(const Xapian::Database& db, Xapian::Enquire& enquire, unsigned offset,
                                   unsigned limit, const StoreAccess& access) {
    CountedMatches result;
    // Ranks and counts in one pass: every match is checked, so the total is exact.
    auto ranked_and_counted = [&] {
        result.page = enquire.get_mset(offset, limit, db.get_doccount());
        result.total = result.page.get_matches_estimated();
    };
    if (db.size() == 1) {
        try {
            // Every document must hold the facets value: a store partly
            // written before it counts from the separate slots.
            const std::vector<FacetKey> keys = facet_keys(db);
            if (!keys.empty() && db.get_value_freq(schema::kFacetsSlot) == db.get_doccount()) {
                auto add = [&](const std::vector<Xapian::doccount>& counts) {
                    for (std::size_t code = 0; code < keys.size(); ++code) {
                        if (counts[code] > 0) result.facets[keys[code].kind][keys[code].key] += counts[code];
                    }
                };
                // Counts beside the ranking, on `counting`: the page alone is
                // ranked here, so Xapian may stop once no later match can enter
                // it. (Should the ranking throw, the count is waited for.)
                auto count_beside = [&](Xapian::Database counting, auto& spy) {
                    std::future<MatchCount> count = std::async(std::launch::async, [&, query = enquire.get_query().serialise()] {
                        return count_matches(std::move(counting), query, spy);
                    });
                    result.page = enquire.get_mset(offset, limit);
                    MatchCount counted = count.get();
                    result.total = counted.total;
                    add(counted.codes);
                    return result;
                };
                auto count_here = [&](auto& spy) {
                    enquire.add_matchspy(&spy);
                    ranked_and_counted();
                    enquire.clear_matchspies();
                    add(spy.finish());
                    return result;
                };
                if (std::unique_ptr<FacetCache> cache =
                        access.directory.empty() ? nullptr : FacetCache::load(db, access.directory)) {
                    FacetCodeCounter<CachedCodes> counter(CachedCodes(*cache), keys.size());
                    std::vector<Xapian::Database> counting = same_store_handles(db, access.reopen, 1);
                    if (!counting.empty()) return count_beside(std::move(counting[0]), counter);
                    return count_here(counter);
                }
                // No cache: one handle to match, two to read facets values.
                std::vector<Xapian::Database> handles = same_store_handles(db, access.reopen, 3);
                if (handles.size() == 3) {
                    Xapian::Database counting = std::move(handles.back());
                    handles.pop_back();
                    FacetCodeWorkers workers(std::move(handles), keys.size());
                    return count_beside(std::move(counting), workers);
                }
                FacetCodeCounter<ValueCodes> counter(ValueCodes(db), keys.size());
                return count_here(counter);
            }
            std::vector<std::unique_ptr<FacetCounter>> spies;
            for (const FacetSlot& f : kFacetSlots) {
                spies.push_back(std::make_unique<FacetCounter>(db, f.slot));
                enquire.add_matchspy(spies.back().get());
            }
            ranked_and_counted();
            enquire.clear_matchspies();
            for (std::size_t i = 0; i < spies.size(); ++i) result.facets[kFacetSlots[i].kind] = spies[i]->counts();
            return result;
        } catch (const Xapian::UnimplementedError&) {
            enquire.clear_matchspies();  // a remote shard: count as below
        }
    }
    std::vector<Xapian::ValueCountMatchSpy*> spies;
    for (const FacetSlot& f : kFacetSlots) {
        spies.push_back(new Xapian::ValueCountMatchSpy(f.slot));
        enquire.add_matchspy(spies.back()->release());  // the Enquire owns it from here
    }
    ranked_and_counted();
    for (std::size_t i = 0; i < spies.size(); ++i) {
        for (auto it = spies[i]->values_begin(); it != spies[i]->values_end(); ++it) {
            for (const std::string& id : split_list(*it)) result.facets[kFacetSlots[i].kind][id] += it.get_termfreq();
        }
    }
    return result;
}

}  // namespace yousaid
