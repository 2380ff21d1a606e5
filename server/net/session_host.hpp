#pragma once

#include "app/app.hpp"
#include "net/session_registry.hpp"

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <functional>
#include <string_view>

namespace helpdesk::server {

/// What the server lends each connection.
struct session_host {
    app& application;
    boost::asio::thread_pool& workers;   ///< where handlers (store calls) run
    session_registry& registry;
    std::atomic<bool>& stopping;         ///< set once shutdown begins
};

} // namespace helpdesk::server
