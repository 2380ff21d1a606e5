#include "app/route_table.hpp"

#include <boost/url/pct_string_view.hpp>

#include <algorithm>

namespace helpdesk::server {

namespace {

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        out.push_back(path.substr(start, end - start));
        if (slash == std::string_view::npos) {
            break;
        }
        start = slash + 1;
    }
    return out;
}

// Every route's pattern split once (patterns are static strings), not on
// every request for every route.
const std::vector<std::vector<std::string_view>>& pattern_segments() {
    static const auto split = [] {
        std::vector<std::vector<std::string_view>> all;
        for (const auto& r : route_table()) {
            all.push_back(segments(r.pattern));
        }
        return all;
    }();
    return split;
}

// Number of parameter segments when `parts` (a split pattern) matches `path`, or -1.
int match(const std::vector<std::string_view>& parts, const std::vector<std::string_view>& path,
          std::vector<std::string>* params) {
    if (parts.size() != path.size()) {
        return -1;
    }
    int dynamic = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].starts_with('{')) {
            if (path[i].empty()) {
                return -1;
            }
            ++dynamic;
            continue;
        }
        if (parts[i] != path[i]) {
            return -1;
        }
    }
    if (params) {
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (parts[i].starts_with('{')) {
                boost::system::result<boost::urls::pct_string_view> decoded = boost::urls::make_pct_string_view(path[i]);
                params->push_back(decoded ? decoded->decode() : std::string{path[i]});
            }
        }
    }
    return dynamic;
}

} // namespace

route_match match_route(boost::beast::http::verb method, std::string_view encoded_path) {
    const auto path = segments(encoded_path);
    const auto table = route_table();
    const auto& patterns = pattern_segments();
    route_match out;
    int best = -1;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i].method != method) {
            continue;
        }
        const int score = match(patterns[i], path, nullptr);
        if (score >= 0 && (best < 0 || score < best)) {
            best = score;
            out.found = matched_route{&table[i], i};
        }
    }
    if (out.found) {
        match(patterns[out.found->index], path, &out.found->params);
        return out;
    }
    // Several routes of one method can take the path (`/api/tickets/stats/`
    // and `/api/tickets/{id}/`): each method is listed once.
    std::vector<boost::beast::http::verb> allowed;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (std::find(allowed.begin(), allowed.end(), table[i].method) != allowed.end() ||
            match(patterns[i], path, nullptr) < 0) {
            continue;
        }
        allowed.push_back(table[i].method);
        if (!out.allow.empty()) {
            out.allow += ", ";
        }
        out.allow += std::string{boost::beast::http::to_string(table[i].method)};
    }
    return out;
}

} // namespace helpdesk::server
