#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace helpdesk::server {

/// A connection the server can ask to wind down.
class session_base {
public:
    virtual ~session_base() = default;
    /// Finish the request in flight, if any, then close; close at once when idle.
    virtual void shutdown() = 0;
};

/// The live connections: counted for the connection limit, reached for
/// graceful shutdown. Thread-safe.
class session_registry {
public:
    /// Records a new connection.
    void add(const std::shared_ptr<session_base>& s);
    /// Forgets a connection (called from its destructor).
    void remove(const session_base* s) noexcept;
    /// Number of live connections.
    [[nodiscard]] std::size_t size() const;
    /// Asks every live connection to wind down.
    void shutdown_all();

private:
    mutable std::mutex mutex_;
    std::unordered_map<const session_base*, std::weak_ptr<session_base>> live_;
};

} // namespace helpdesk::server
