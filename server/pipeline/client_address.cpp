#include "pipeline/client_address.hpp"

#include "http/ows.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/beast/core/string.hpp>

#include <algorithm>
#include <string_view>

namespace helpdesk::server {

std::string client_address(const app& a, const boost::beast::http::request<boost::beast::http::string_body>& req,
                           const std::string& peer) {
    const auto& trusted = a.options.trusted_proxies;
    const auto is_trusted = [&](std::string_view address) {
        return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
    };
    if (trusted.empty() || !is_trusted(peer)) {
        return peer;
    }
    // Walk the chain from the nearest hop back; the first untrusted address
    // is the client as our own proxies saw it (earlier entries are the
    // client's word, which anyone can forge).
    std::string client = peer;
    std::string list;
    for (const auto& f : req) {
        if (boost::beast::iequals(f.name_string(), "X-Forwarded-For")) {
            if (!list.empty()) {
                list += ',';
            }
            list += std::string_view{f.value().data(), f.value().size()};
        }
    }
    std::string_view rest = list;
    while (!rest.empty()) {
        const auto comma = rest.rfind(',');
        auto item = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
        item = trim_ows(item);
        boost::system::error_code ec;
        (void)boost::asio::ip::make_address(std::string{item}, ec);
        if (item.empty() || ec) {
            break; // malformed: stop at the last address we could trust
        }
        client = std::string{item};
        if (!is_trusted(item)) {
            break;
        }
    }
    return client;
}

} // namespace helpdesk::server
