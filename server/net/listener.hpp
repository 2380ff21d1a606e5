#pragma once

#include "net/session_host.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/ssl/context.hpp>

#include <memory>

namespace helpdesk::server {

/// Accepts connections and starts a session for each, refusing with 503
/// beyond the connection limit.
class listener : public std::enable_shared_from_this<listener> {
public:
    /// Binds and listens on `endpoint`; throws `error{storage_unavailable}`
    /// when the address cannot be bound. `tls` may be null (plain HTTP).
    listener(boost::asio::io_context& ioc, const boost::asio::ip::tcp::endpoint& endpoint, session_host& host,
             boost::asio::ssl::context* tls);

    /// Starts accepting.
    void run();
    /// Stops accepting (thread-safe).
    void stop();
    /// The bound port.
    [[nodiscard]] unsigned short port() const { return port_; }

private:
    void accept_next();
    void on_accept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);
    void refuse(boost::asio::ip::tcp::socket socket);

    boost::asio::io_context& ioc_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer backoff_;
    session_host& host_;
    boost::asio::ssl::context* tls_;
    unsigned short port_ = 0;
};

} // namespace helpdesk::server
