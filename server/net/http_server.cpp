#include <helpdesk/server.hpp>

#include "app/app.hpp"
#include "app/route_table.hpp"
#include "net/listener.hpp"
#include "net/session_host.hpp"
#include "net/session_registry.hpp"
#include "ops/metrics.hpp"

#include <helpdesk/error.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

namespace helpdesk {

namespace net = boost::asio;

namespace {

void check(const server_options& o) {
    field_errors problems;
    if (o.jwt_secret.size() < 32) {
        problems["jwt_secret"].push_back("Must be at least 32 bytes.");
    }
    if (o.io_threads < 1) {
        problems["io_threads"].push_back("Must be at least 1.");
    }
    if (o.worker_threads < 1) {
        problems["worker_threads"].push_back("Must be at least 1.");
    }
    if (o.max_connections < 1) {
        problems["max_connections"].push_back("Must be at least 1.");
    }
    if (o.refresh_reissue_window < std::chrono::seconds{0} ||
        o.refresh_reissue_window > std::chrono::seconds{600}) {
        problems["refresh_reissue_window"].push_back("Must be 0 to 600 seconds.");
    }
    if (o.tls_certificate_file.has_value() != o.tls_private_key_file.has_value()) {
        problems["tls"].push_back("Give both the certificate and the private key, or neither.");
    }
    if (!problems.empty()) {
        throw error(errc::invalid_argument, "the server options are not valid", std::move(problems));
    }
}

} // namespace

struct http_server::impl {
    impl(engine& desk, server_options opts)
        : options(std::move(opts)), counters(server::metrics_route_names()), application{desk, options, counters, {}, {}, {}} {
        application.cors.allowed_origins = options.cors_origins;
        if (options.web_root) {
            application.console = server::static_site{std::filesystem::path{*options.web_root}};
        }
        application.log = options.log_sink ? options.log_sink : [](std::string_view line) {
            // One write per line keeps lines whole when threads log at once.
            std::string out{line};
            out.push_back('\n');
            std::cerr.write(out.data(), static_cast<std::streamsize>(out.size()));
            std::cerr.flush();
        };
    }

    server_options options;
    server::metrics counters;
    server::app application;
    server::session_registry registry;   // outlives the io_context's sessions
    std::atomic<bool> stopping{false};
    std::optional<net::ssl::context> tls;
    std::optional<net::thread_pool> workers;
    std::optional<server::session_host> host;
    std::optional<net::io_context> ioc;
    // Keeps the I/O threads running until stop() gives up on the grace
    // period: once the acceptor is closed, a request whose handler is on the
    // worker pool has no operation pending on the io_context, which would
    // otherwise run out of work and return before the reply is written.
    std::optional<net::executor_work_guard<net::io_context::executor_type>> keep_running;
    std::shared_ptr<server::listener> accepting;
    std::vector<std::thread> io_threads;
    unsigned short port = 0;

    std::mutex state_mutex;
    std::condition_variable state_changed;
    bool running = false;
    bool finished = false;
};

http_server::http_server(engine& desk, server_options options) {
    check(options);
    impl_ = std::make_unique<impl>(desk, std::move(options));
}

http_server::~http_server() {
    stop(std::chrono::milliseconds{0});
}

void http_server::start() {
    auto& s = *impl_;
    const std::lock_guard lock(s.state_mutex);
    if (s.running || s.finished) {
        throw error(errc::invalid_state, "the server was already started");
    }
    boost::system::error_code ec;
    const auto address = net::ip::make_address(s.options.listen_address, ec);
    if (ec) {
        throw error(errc::invalid_argument, "not an IP address: " + s.options.listen_address,
                    {{"listen", {"Must be an IPv4 or IPv6 address."}}});
    }
    if (s.options.tls_certificate_file) {
        s.tls.emplace(net::ssl::context::tls_server);
        s.tls->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                           net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1 |
                           net::ssl::context::single_dh_use);
        s.tls->use_certificate_chain_file(*s.options.tls_certificate_file, ec);
        if (!ec) {
            s.tls->use_private_key_file(*s.options.tls_private_key_file, net::ssl::context::pem, ec);
        }
        if (ec) {
            throw error(errc::invalid_argument, "cannot load the TLS certificate or key: " + ec.message(),
                        {{"tls", {"Give a readable PEM certificate chain and its private key."}}});
        }
    }
    s.workers.emplace(s.options.worker_threads);
    s.host.emplace(server::session_host{s.application, *s.workers, s.registry, s.stopping});
    s.ioc.emplace(static_cast<int>(s.options.io_threads));
    s.keep_running.emplace(net::make_work_guard(*s.ioc));
    s.accepting = std::make_shared<server::listener>(*s.ioc, net::ip::tcp::endpoint{address, s.options.port}, *s.host,
                                                     s.tls ? &*s.tls : nullptr);
    s.port = s.accepting->port();
    s.accepting->run();
    for (unsigned i = 0; i < s.options.io_threads; ++i) {
        s.io_threads.emplace_back([&s] { s.ioc->run(); });
    }
    s.running = true;
}

std::uint16_t http_server::port() const noexcept {
    return impl_->port;
}

bool http_server::tls() const noexcept {
    return impl_->options.tls_certificate_file.has_value();
}

bool http_server::console_built() const {
    return impl_->application.console.built();
}

void http_server::stop(std::chrono::milliseconds grace) {
    auto& s = *impl_;
    std::unique_lock lock(s.state_mutex);
    if (!s.running) {
        return;
    }
    s.running = false;
    lock.unlock();

    s.stopping = true;
    s.accepting->stop();
    s.registry.shutdown_all();
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (s.registry.size() > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds{5});
        // A connection accepted just before the acceptor closed has to hear it too.
        s.registry.shutdown_all();
    }
    // Handlers still running finish on the pool; their replies are dropped.
    s.keep_running.reset();
    s.workers->join();
    s.ioc->stop();
    for (auto& t : s.io_threads) {
        t.join();
    }
    s.io_threads.clear();
    // A body read that finished after the join above may have queued one more
    // handler: drop it (with the session it holds) while the io_context that
    // owns the session's socket is still alive.
    s.workers->stop();
    s.workers->join();
    s.workers.reset();
    s.accepting.reset();
    // Sessions left in the io_context's queues go with it, before the registry.
    s.ioc.reset();

    lock.lock();
    s.finished = true;
    s.state_changed.notify_all();
}

void http_server::wait() {
    auto& s = *impl_;
    std::unique_lock lock(s.state_mutex);
    s.state_changed.wait(lock, [&] { return s.finished; });
}

} // namespace helpdesk
