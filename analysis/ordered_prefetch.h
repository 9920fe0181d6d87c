#pragma once
// Makes items 0, 1, 2, ... on a thread of its own while the caller takes them
// in order, at most `ahead` made and not yet taken. For a pipeline whose
// caller does the part that cannot be shared (writing to one Xapian
// database): the making thread runs at a lower priority, so the caller keeps
// its core whenever it has work, and the maker fills whatever time is left,
// running ahead while the caller is busy with something long (a merge).
//
// Threads the making thread starts (parallel_for) share its priority. An
// exception from `make` is thrown again by the take() that would have had
// the item. Items given back are destroyed on the making thread, which frees
// the caller from freeing them.
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace yousaid {

template <typename Item>
class OrderedPrefetch {
public:
    OrderedPrefetch(std::size_t count, std::size_t ahead, std::function<Item(std::size_t)> make)
        : count_(count), ahead_(ahead), make_(std::move(make)), maker_([this] { run(); }) {}

    ~OrderedPrefetch() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        maker_.join();
    }

    OrderedPrefetch(const OrderedPrefetch&) = delete;
    OrderedPrefetch& operator=(const OrderedPrefetch&) = delete;

    // The next item in order; call it at most `count` times.
    Item take() {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return !made_.empty() || error_; });
        if (made_.empty()) std::rethrow_exception(error_);
        Item item = std::move(made_.front());
        made_.pop_front();
        lock.unlock();
        changed_.notify_all();
        return item;
    }

    void give_back(Item spent) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            spent_.push_back(std::move(spent));
        }
        changed_.notify_all();
    }

private:
    void run() {
        // Linux gives each thread its own nice value; 10 leaves the caller
        // about nine tenths of a core it shares with this one.
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
        for (std::size_t i = 0; i < count_; ++i) {
            std::unique_lock<std::mutex> lock(mutex_);
            for (;;) {
                changed_.wait(lock, [&] { return stopping_ || made_.size() < ahead_ || !spent_.empty(); });
                if (stopping_) return;
                if (spent_.empty()) break;
                std::vector<Item> spent;
                spent.swap(spent_);
                lock.unlock();
                spent.clear();
                lock.lock();
            }
            lock.unlock();
            try {
                Item item = make_(i);
                std::lock_guard<std::mutex> guard(mutex_);
                made_.push_back(std::move(item));
            } catch (...) {
                std::lock_guard<std::mutex> guard(mutex_);
                error_ = std::current_exception();
                changed_.notify_all();
                return;
            }
            changed_.notify_all();
        }
    }

    const std::size_t count_, ahead_;
    const std::function<Item(std::size_t)> make_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Item> made_;
    std::vector<Item> spent_;
    std::exception_ptr error_;
    bool stopping_ = false;
    std::thread maker_;  // last: starts once the rest is ready
};

}  // namespace yousaid
