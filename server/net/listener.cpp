#include "net/listener.hpp"

#include "net/http_session.hpp"

#include <helpdesk/error.hpp>

#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>

namespace helpdesk::server {

namespace net = boost::asio;
using tcp = net::ip::tcp;

listener::listener(net::io_context& ioc, const tcp::endpoint& endpoint, session_host& host, net::ssl::context* tls)
    : ioc_(ioc), acceptor_(net::make_strand(ioc)), backoff_(acceptor_.get_executor()), host_(host), tls_(tls) {
    boost::system::error_code ec;
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) {
        acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        acceptor_.bind(endpoint, ec);
    }
    if (!ec) {
        acceptor_.listen(net::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        throw error(errc::storage_unavailable, "cannot listen on " + endpoint.address().to_string() + ":" +
                                                   std::to_string(endpoint.port()) + ": " + ec.message());
    }
    port_ = acceptor_.local_endpoint().port();
}

void listener::run() {
    net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] { self->accept_next(); });
}

void listener::stop() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] {
        boost::system::error_code ignored;
        self->acceptor_.close(ignored);
        self->backoff_.cancel();
    });
}

void listener::accept_next() {
    acceptor_.async_accept(net::make_strand(ioc_), [self = shared_from_this()](boost::system::error_code ec,
                                                                               tcp::socket socket) {
        self->on_accept(ec, std::move(socket));
    });
}

void listener::on_accept(boost::system::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) {
        return;
    }
    if (ec) {
        // Out of file descriptors (or similar): accepting again at once would
        // spin this I/O thread; wait a moment for connections to close.
        backoff_.expires_after(std::chrono::milliseconds{100});
        backoff_.async_wait([self = shared_from_this()](boost::system::error_code wait_ec) {
            if (!wait_ec) {
                self->accept_next();
            }
        });
        return;
    }
    if (!ec) {
        boost::system::error_code peer_ec;
        const auto peer = socket.remote_endpoint(peer_ec);
        if (peer_ec) {
            // The client left between accept and here.
        } else if (host_.registry.size() >= host_.application.options.max_connections) {
            refuse(std::move(socket));
        } else {
            socket.set_option(tcp::no_delay(true), peer_ec);
            auto client = peer.address().to_string();
            if (tls_) {
                std::make_shared<http_session<boost::beast::ssl_stream<boost::beast::tcp_stream>>>(
                    boost::beast::ssl_stream<boost::beast::tcp_stream>(std::move(socket), *tls_), host_,
                    std::move(client))
                    ->run();
            } else {
                std::make_shared<http_session<boost::beast::tcp_stream>>(boost::beast::tcp_stream(std::move(socket)),
                                                                         host_, std::move(client))
                    ->run();
            }
        }
    }
    accept_next();
}

void listener::refuse(tcp::socket socket) {
    // Over the connection limit: a short 503 and close, without a session.
    static const std::string busy = [] {
        const std::string body = R"({"error":"unavailable","detail":"Too many connections; retry shortly."})";
        return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nConnection: close\r\n"
               "Retry-After: 1\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n\r\n" + body;
    }();
    auto owned = std::make_shared<tcp::socket>(std::move(socket));
    net::async_write(*owned, net::buffer(busy), [owned](boost::system::error_code, std::size_t) {
        boost::system::error_code ignored;
        owned->shutdown(tcp::socket::shutdown_both, ignored);
        owned->close(ignored);
    });
}

} // namespace helpdesk::server
