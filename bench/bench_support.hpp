#pragma once

// What the benchmark programs share: reading `--flag value` arguments,
// opening the store of a URL, running work on several threads, and the
// accounts and tickets they seed stores with.

#include <helpdesk/engine.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::bench {

using bench_clock = std::chrono::steady_clock;

/// What a flag does with its value.
using flag_reader = std::function<void(const std::string& value)>;

/// Reads `--flag value` pairs, calling the reader of each flag; an unknown
/// flag or a flag without a value throws std::invalid_argument.
void read_flags(int argc, char** argv, const std::map<std::string_view, flag_reader>& readers);

/// A flag reader that stores the value in `target`: the text, or a decimal
/// integer (std::stoll / std::stoi, which throw on anything else).
[[nodiscard]] flag_reader value_into(std::string& target);
/// See `value_into(std::string&)`.
[[nodiscard]] flag_reader value_into(std::int64_t& target);
/// See `value_into(std::string&)`.
[[nodiscard]] flag_reader value_into(int& target);

/// The flags of the programs that seed a store: `--store`, `--accounts` and
/// `--tickets`. Their settings derive from it.
struct seed_settings {
    std::string url{};
    std::int64_t accounts = 1000;
    std::int64_t tickets = 100'000;

    /// The readers of the seed flags and of `more`, the program's own.
    [[nodiscard]] std::map<std::string_view, flag_reader> flags(std::map<std::string_view, flag_reader> more);
};

/// Opens the store of `url` (sqlite://, or postgresql:// when built with the
/// PostgreSQL adapter), first creating the folder of an SQLite file.
[[nodiscard]] std::shared_ptr<store> open_bench_store(const std::string& url);

/// Runs `work(thread_index)` on `threads` threads, waits for all, and
/// rethrows the first failure.
void in_parallel(int threads, const std::function<void(int)>& work);

/// Seconds from `start` to now.
[[nodiscard]] double seconds_since(bench_clock::time_point start);

/// The password of every seeded account.
inline constexpr std::string_view seed_password = "Bench-Pass-1";

/// A sign-up for the seeded account `kind` + `n` (`kind` is "admin",
/// "coord" or "user"), e-mail `<kind><n>@bench.example`, in the IT Department.
[[nodiscard]] sign_up_request seed_person(std::string_view kind, std::int64_t n);

/// The `n`th seeded ticket: a subject of two trouble words (one ticket in
/// 10,000 also mentions the rare word "quasar", the selective search target),
/// a sub-category and a description drawn from `rng`.
[[nodiscard]] create_ticket_request seed_ticket(std::int64_t n, std::mt19937_64& rng);

/// The comment seeded on some tickets.
inline constexpr std::string_view seed_comment = "Any news on this? It is blocking my work.";

/// What to do with the `n`th seeded ticket once created (approve it,
/// comment on it as its owner, remember its id).
using seeded_ticket = std::function<void(std::int64_t n, ticket_id id, account_id owner)>;

/// Creates the tickets numbered `from` to `to - 1` (`seed_ticket`, ticket `n`
/// owned by `owners[n % owners.size()]`) on `threads` threads, one
/// transaction each, calling `then` after each; every `every` tickets a
/// progress line goes to `progress`.
void seed_tickets(engine& desk, const std::vector<account_id>& owners, std::int64_t from, std::int64_t to,
                  int threads, const seeded_ticket& then, std::ostream& progress, std::int64_t every);

} // namespace helpdesk::bench
