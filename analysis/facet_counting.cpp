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

#include "analysis/facet_codes.h"
#include "analysis/schema.h"
#include "analysis/search.h"
#include "analysis/slot_counting.h"

namespace yousaid {

namespace {

// The numbers of the facets value (facet_codes.h) of documents given in docid
// order, counted in an array indexed by number.
class FacetCodeTally {
public:
    FacetCodeTally(const Xapian::Database& db, std::size_t codes) : values_(db, schema::kFacetsSlot), counts_(codes) {}

    void count(Xapian::docid did) {
        const std::string* value = values_.value_of(did);
        if (!value) return;
        for_each_facet_code(*value, [&](std::uint32_t code) {
            if (code < counts_.size()) ++counts_[code];
        });
    }

    const std::vector<Xapian::doccount>& counts() const { return counts_; }

private:
    ValueCursor values_;
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
class FacetCodeCounter : public Xapian::MatchSpy {
public:
    FacetCodeCounter(const Xapian::Database& db, std::size_t codes) : tally_(db, codes) {}
    void operator()(const Xapian::Document& doc, double) override { tally_.count(doc.get_docid()); }
    const std::vector<Xapian::doccount>& counts() const { return tally_.counts(); }

private:
    FacetCodeTally tally_;
};

// Counts the facet codes of the docids handed to it, on a thread of its own
// with its own handle on the store.
class FacetCodeThread {
public:
    FacetCodeThread(Xapian::Database own, std::size_t codes)
        : db_(std::move(own)), tally_(db_, codes), thread_([this] { work(); }) {}
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
    FacetCodeTally tally_;
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

    void operator()(const Xapian::Document& doc, double) override {
        batch_.push_back(doc.get_docid());
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

// Every match of the serialised query, and its facet codes, counted on handles
// of their own (so on other threads than the caller's): this thread matches
// without weights, which need no document lengths, and FacetCodeWorkers read
// the facets values, one thread per handle in `values`.
MatchCount count_matches(Xapian::Database counting, std::vector<Xapian::Database> values, const std::string& query,
                         std::size_t codes) {
    Xapian::Enquire enquire(counting);
    enquire.set_query(Xapian::Query::unserialise(query));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    FacetCodeWorkers worker(std::move(values), codes);
    enquire.add_matchspy(&worker);
    const Xapian::MSet all = enquire.get_mset(0, 0, counting.get_doccount());
    enquire.clear_matchspies();
    return {all.get_matches_estimated(), worker.finish()};
}

}  // namespace

CountedMatches matches_with_facets(const Xapian::Database& db, Xapian::Enquire& enquire, unsigned offset,
                                   unsigned limit, const StoreReopener& reopen) {
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
                // Handles for the count: one to match, two to read facets.
                std::vector<Xapian::Database> handles;
                while (handles.size() < 3) {
                    std::optional<Xapian::Database> again = same_store_again(db, reopen);
                    if (!again) break;
                    handles.push_back(std::move(*again));
                }
                if (handles.size() == 3) {
                    Xapian::Database counting = std::move(handles.back());
                    handles.pop_back();
                    std::future<MatchCount> count =
                        std::async(std::launch::async, count_matches, std::move(counting), std::move(handles),
                                   enquire.get_query().serialise(), keys.size());
                    // The page alone: Xapian may stop once no later match can
                    // enter it. (Should this throw, the count is waited for.)
                    result.page = enquire.get_mset(offset, limit);
                    MatchCount counted = count.get();
                    result.total = counted.total;
                    add(counted.codes);
                    return result;
                }
                FacetCodeCounter counter(db, keys.size());
                enquire.add_matchspy(&counter);
                ranked_and_counted();
                enquire.clear_matchspies();
                add(counter.counts());
                return result;
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
