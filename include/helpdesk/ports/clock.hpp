#pragma once

#include <helpdesk/time.hpp>

#include <memory>

namespace helpdesk {

/// Source of the current time; injected so tests are deterministic.
/// Implementations must be thread-safe.
class clock {
public:
    virtual ~clock() = default;
    /// The current UTC time.
    [[nodiscard]] virtual time_point now() const = 0;
};

/// The real wall clock.
[[nodiscard]] std::shared_ptr<clock> system_clock();

} // namespace helpdesk
