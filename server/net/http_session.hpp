#pragma once

#include "app/dispatcher.hpp"
#include "pipeline/body_limits.hpp"
#include "pipeline/early_refusals.hpp"
#include "pipeline/routed_target.hpp"
#include "pipeline/security_headers.hpp"
#include "app/error_response.hpp"
#include "app/route_table.hpp"
#include "net/access_log.hpp"
#include "net/session_host.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

namespace helpdesk::server {

/// One connection, after the official Beast examples: all its handlers run
/// on its own strand; a fresh parser with header and body limits per
/// request; `tcp_stream` timeouts; keep-alive. Requests are answered in
/// order, one at a time (pipelined requests wait in the read buffer), and
/// each handler runs on the worker pool, never on an I/O thread.
/// `Stream` is `beast::tcp_stream` or `beast::ssl_stream<beast::tcp_stream>`.
template <class Stream>
class http_session final : public session_base, public std::enable_shared_from_this<http_session<Stream>> {
public:
    using request_type = boost::beast::http::request<boost::beast::http::string_body>;
    using response_type = boost::beast::http::response<boost::beast::http::string_body>;

    /// Takes over an accepted (for TLS: not yet handshaken) stream.
    http_session(Stream&& stream, session_host& host, std::string client)
        : stream_(std::move(stream)), host_(host), client_(std::move(client)) {}

    ~http_session() override { host_.registry.remove(this); }

    /// Registers the connection and starts reading (after the TLS handshake).
    void run() {
        host_.registry.add(this->shared_from_this());
        boost::asio::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->begin(); });
    }

    void shutdown() override {
        boost::asio::post(stream_.get_executor(), [self = this->shared_from_this()] {
            self->stopping_ = true;
            if (!self->busy_) {
                // Idle or mid-header: nothing is in flight, so close now.
                self->lowest().cancel();
            }
        });
    }

private:
    static constexpr bool tls = !std::is_same_v<Stream, boost::beast::tcp_stream>;

    boost::beast::tcp_stream& lowest() { return boost::beast::get_lowest_layer(stream_); }
    const server_options& options() const { return host_.application.options; }

    void begin() {
        if constexpr (tls) {
            lowest().expires_after(options().idle_timeout);
            stream_.async_handshake(boost::asio::ssl::stream_base::server,
                                    [self = this->shared_from_this()](boost::beast::error_code ec) {
                                        if (ec) {
                                            return self->close();
                                        }
                                        self->read_header();
                                    });
        } else {
            read_header();
        }
    }

    void read_header() {
        if (stopping_ || host_.stopping.load(std::memory_order_relaxed)) {
            return close();
        }
        parser_.emplace();
        target_ = {};
        parser_->header_limit(static_cast<std::uint32_t>(options().max_header_bytes));
        // No body limit while reading the header: Beast would otherwise refuse
        // a Content-Length over it as a malformed header (a 400 for every
        // upload over the JSON limit). on_header sets the route's own limit.
        parser_->body_limit(boost::none);
        lowest().expires_after(options().idle_timeout);
        boost::beast::http::async_read_header(
            stream_, buffer_, *parser_,
            [self = this->shared_from_this()](boost::beast::error_code ec, std::size_t) { self->on_header(ec); });
    }

    void on_header(boost::beast::error_code ec) {
        namespace bh = boost::beast::http;
        // A client that resets an idle keep-alive connection (as load generators
        // do when they stop) sent no request: close quietly, no 400 logged.
        if (ec == bh::error::end_of_stream || ec == boost::asio::error::operation_aborted ||
            ec == boost::beast::error::timeout || ec == boost::asio::error::connection_reset ||
            ec == boost::asio::ssl::error::stream_truncated) {
            return close();
        }
        started_ = std::chrono::steady_clock::now();
        busy_ = true;
        if (ec == bh::error::header_limit) {
            return refuse(bh::status::request_header_fields_too_large, "headers_too_large",
                          "The request line and headers are too large.");
        }
        if (ec) {
            return refuse(bh::status::bad_request, "bad_request", "The request is not valid HTTP/1.1.");
        }
        const auto& req = parser_->get();
        // The one parse of the target: everything below and the dispatch
        // read `target_`, which views the request kept in `parser_`.
        target_ = route_target(req);
        const bool has_body = parser_->content_length().value_or(0) > 0 || parser_->chunked();
        if (auto early = has_body ? refuse_target(host_.application, target_) : std::nullopt) {
            return refuse(std::move(*early));
        }
        const auto limit = body_limit(host_.application, target_);
        if (const auto length = parser_->content_length(); length && *length > limit) {
            return refuse(bh::status::payload_too_large, "payload_too_large",
                          "The body is larger than this endpoint accepts (" + std::to_string(limit) + " bytes).");
        }
        if (has_body) {
            if (refusal_needs_store(target_)) {
                // The key is looked up in the store: on a worker, like a
                // handler; the connection waits (nothing else reads it or
                // its parser meanwhile).
                boost::asio::post(host_.workers, [self = this->shared_from_this(), limit] {
                    auto early = refuse_before_body(self->host_.application, self->parser_->get(), self->target_);
                    boost::asio::post(self->stream_.get_executor(), [self, early = std::move(early), limit]() mutable {
                        if (early) {
                            return self->refuse(std::move(*early));
                        }
                        self->start_body(limit);
                    });
                });
                return;
            }
            if (auto early = refuse_before_body(host_.application, req, target_)) {
                return refuse(std::move(*early));
            }
        }
        start_body(limit);
    }

    // The header passed: reads the body within the route's `limit`.
    void start_body(std::size_t limit) {
        namespace bh = boost::beast::http;
        const auto& req = parser_->get();
        parser_->body_limit(limit);
        lowest().expires_after(options().request_timeout);
        if (bh::token_list{req[bh::field::expect]}.exists("100-continue")) {
            auto cont = std::make_shared<bh::response<bh::empty_body>>(bh::status::continue_, req.version());
            return bh::async_write(stream_, *cont,
                                   [self = this->shared_from_this(), cont](boost::beast::error_code wec, std::size_t) {
                                       if (wec) {
                                           return self->close();
                                       }
                                       self->read_body();
                                   });
        }
        read_body();
    }

    void read_body() {
        boost::beast::http::async_read(
            stream_, buffer_, *parser_,
            [self = this->shared_from_this()](boost::beast::error_code ec, std::size_t) { self->on_body(ec); });
    }

    void on_body(boost::beast::error_code ec) {
        namespace bh = boost::beast::http;
        if (ec == bh::error::body_limit) {
            return refuse(bh::status::payload_too_large, "payload_too_large",
                          "The body is larger than this endpoint accepts.");
        }
        if (ec == boost::asio::error::operation_aborted || ec == boost::beast::error::timeout ||
            ec == bh::error::end_of_stream || ec == boost::asio::error::connection_reset ||
            ec == boost::asio::ssl::error::stream_truncated) {
            return close();
        }
        if (ec) {
            return refuse(bh::status::bad_request, "bad_request", "The request body is not valid HTTP/1.1.");
        }
        // The handler's own time is not the client's fault; the store bounds it.
        lowest().expires_never();
        // The request stays in the parser (`target_` views it) until the
        // next read_header; only the worker touches it meanwhile.
        boost::asio::post(host_.workers, [self = this->shared_from_this()] {
            auto out = dispatch(self->host_.application, self->parser_->get(), std::move(self->target_), self->client_);
            boost::asio::post(self->stream_.get_executor(), [self, out = std::move(out)]() mutable {
                self->send(self->parser_->get(), std::move(out));
            });
        });
    }

    void refuse(boost::beast::http::status status, std::string_view code, const std::string& detail) {
        auto res = error_response(status, code, detail);
        add_security_headers(host_.application, res);
        refuse(std::move(res));
    }

    // Answers without reading the body, then closes the connection.
    void refuse(response res) {
        namespace bh = boost::beast::http;
        outcome out;
        out.res = std::move(res);
        request_type req{bh::verb::get, "/", 11};
        if (parser_ && parser_->is_header_done()) {
            if (parser_->get().method() != bh::verb::unknown) {
                req.method(parser_->get().method());
            }
            req.target(parser_->get().target());
        }
        req.keep_alive(false);
        send(req, std::move(out));
    }

    void send(const request_type& req, outcome out) {
        namespace bh = boost::beast::http;
        res_ = std::make_shared<response_type>(out.res.status, req.version());
        auto& res = *res_;
        res.set(bh::field::server, "helpdesk");
        if (!out.res.content_type.empty()) {
            res.set(bh::field::content_type, out.res.content_type);
        }
        for (auto& [name, value] : out.res.headers) {
            res.insert(name, value);
        }
        const auto size = out.res.body.size();
        res.body() = std::move(out.res.body);
        res.keep_alive(req.keep_alive() && !stopping_ && !host_.stopping.load(std::memory_order_relaxed));
        if (req.method() == bh::verb::head) {
            res.body().clear();
            res.content_length(size);
        } else {
            res.prepare_payload();
        }
        record_.method = std::string{req.method_string()};
        const std::string_view target{req.target().data(), req.target().size()};
        record_.path = std::string{target.substr(0, target.find('?'))};
        record_.status = static_cast<unsigned>(out.res.status);
        record_.bytes = size;
        record_.actor = out.actor;
        record_.route = out.answered.metrics_index();
        record_.client = out.client.empty() ? client_ : std::move(out.client);
        lowest().expires_after(options().request_timeout);
        bh::async_write(stream_, res, [self = this->shared_from_this()](boost::beast::error_code ec, std::size_t) {
            self->on_write(ec);
        });
    }

    void on_write(boost::beast::error_code ec) {
        const auto elapsed = std::chrono::steady_clock::now() - started_;
        auto& application = host_.application;
        application.counters.observe(record_.route, record_.status, elapsed);
        if (application.options.access_log) {
            write_access_log(application, access_record{record_.client, record_.method, record_.path, record_.status, elapsed,
                                                        record_.bytes, record_.actor});
        }
        busy_ = false;
        const bool again = !ec && res_->keep_alive();
        res_.reset();
        if (!again) {
            return close();
        }
        read_header();
    }

    void close() {
        busy_ = false;
        if constexpr (tls) {
            lowest().expires_after(std::chrono::seconds(2));
            stream_.async_shutdown([self = this->shared_from_this()](boost::beast::error_code) {
                boost::beast::error_code ignored;
                self->lowest().socket().close(ignored);
            });
        } else {
            // Lingering close: after our FIN, read and drop what the client is
            // still sending (say, the rest of a refused upload) for a moment,
            // so closing does not reset the connection before the client has
            // read our answer.
            boost::beast::error_code ignored;
            lowest().socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
            lowest().expires_after(std::chrono::seconds(1));
            drain();
        }
    }

    void drain() {
        buffer_.clear();
        lowest().async_read_some(buffer_.prepare(16 * 1024),
                                 [self = this->shared_from_this()](boost::beast::error_code ec, std::size_t) {
                                     if (ec) {
                                         boost::beast::error_code ignored;
                                         self->lowest().socket().close(ignored);
                                         return;
                                     }
                                     self->drain();
                                 });
    }

    struct finished_request {
        std::string client{};
        std::string method{};
        std::string path{};
        unsigned status = 0;
        std::size_t bytes = 0;
        std::optional<account_id> actor{};
        std::size_t route = 0;
    };

    Stream stream_;
    session_host& host_;
    std::string client_;
    boost::beast::flat_buffer buffer_{};
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_{};
    routed_target target_{};  // the current request's parsed target and route
    std::shared_ptr<response_type> res_{};
    std::chrono::steady_clock::time_point started_{};
    finished_request record_{};
    bool busy_ = false;
    bool stopping_ = false;
};

} // namespace helpdesk::server
