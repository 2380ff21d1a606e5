#include "net/access_log.hpp"

#include <helpdesk/time.hpp>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <string>

namespace helpdesk::server {

void write_access_log(const app& a, const access_record& r) {
    const auto now = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    const double ms = static_cast<double>(r.duration.count()) / 1e6;
    if (a.options.logs == log_format::json) {
        boost::json::object line{{"time", to_rfc3339(now)},
                                 {"event", "request"},
                                 {"client", r.client},
                                 {"method", r.method},
                                 {"path", r.path},
                                 {"status", r.status},
                                 {"duration_ms", ms},
                                 {"bytes", r.response_bytes}};
        line["account"] = r.actor ? boost::json::value(*r.actor) : boost::json::value(nullptr);
        a.log(boost::json::serialize(line));
        return;
    }
    std::string line = to_rfc3339(now);
    line += ' ';
    line += r.client;
    line += ' ';
    line += r.method;
    line += ' ';
    line += r.path;
    line += ' ';
    line += std::to_string(r.status);
    line += ' ';
    line += std::to_string(ms);
    line += "ms";
    a.log(line);
}

} // namespace helpdesk::server
