#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "analysis/ordered_prefetch.h"

using namespace yousaid;

namespace {

// Records the thread that destroys it.
struct Tracked {
    int value = 0;
    std::atomic<std::thread::id>* destroyed_on = nullptr;
    Tracked() = default;
    Tracked(int v, std::atomic<std::thread::id>* d) : value(v), destroyed_on(d) {}
    Tracked(Tracked&& other) noexcept : value(other.value), destroyed_on(other.destroyed_on) {
        other.destroyed_on = nullptr;
    }
    Tracked& operator=(Tracked&& other) noexcept {
        value = other.value;
        destroyed_on = other.destroyed_on;
        other.destroyed_on = nullptr;
        return *this;
    }
    ~Tracked() {
        if (destroyed_on) destroyed_on->store(std::this_thread::get_id());
    }
};

}  // namespace

TEST_CASE("items come in order, made on another thread, never more than `ahead` before the one taken") {
    std::atomic<int> made{0};
    std::atomic<int> most_ahead{0};
    std::atomic<int> taken{0};
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<bool> made_here{false};
    OrderedPrefetch<int> prefetch(50, 3, [&](std::size_t i) {
        if (std::this_thread::get_id() == caller) made_here = true;
        const int ahead_now = ++made - taken;
        if (ahead_now > most_ahead) most_ahead = ahead_now;
        return static_cast<int>(i) * 10;
    });
    for (int i = 0; i < 50; ++i) {
        // Let the maker run as far ahead as it may.
        if (i % 10 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        CHECK(prefetch.take() == i * 10);
        ++taken;
    }
    CHECK(made == 50);
    CHECK_FALSE(made_here);
    // Made and not taken: at most the 3 waiting, and the one being made.
    CHECK(most_ahead <= 4);
    CHECK(most_ahead >= 3);
}

TEST_CASE("what making an item threw is thrown where it would have been taken") {
    OrderedPrefetch<int> prefetch(10, 2, [](std::size_t i) {
        if (i == 4) throw std::runtime_error("part 4 could not be read");
        return static_cast<int>(i);
    });
    for (int i = 0; i < 4; ++i) CHECK(prefetch.take() == i);
    CHECK_THROWS_WITH_AS(prefetch.take(), "part 4 could not be read", std::runtime_error);
}

TEST_CASE("items given back are freed on the making thread, and stopping early waits for it") {
    std::atomic<std::thread::id> destroyed_on{};
    std::atomic<int> made{0};
    {
        OrderedPrefetch<Tracked> prefetch(1000, 2, [&](std::size_t i) {
            ++made;
            return Tracked(static_cast<int>(i), nullptr);
        });
        Tracked first = prefetch.take();
        CHECK(first.value == 0);
        first.destroyed_on = &destroyed_on;
        prefetch.give_back(std::move(first));
        CHECK(prefetch.take().value == 1);
        // The maker frees what it was given before it makes the next item.
        for (int i = 0; i < 200 && destroyed_on.load() == std::thread::id(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        CHECK(destroyed_on.load() != std::thread::id());
        CHECK(destroyed_on.load() != std::this_thread::get_id());
    }  // leaves with most items never made
    CHECK(made < 1000);
}
