#include <helpdesk/adapters/time_zones.hpp>
#include <helpdesk/error.hpp>

#include <date/tz.h>

#include <stdexcept>
#include <string>

namespace helpdesk::tz {
namespace {

class system_zones final : public time_zones {
public:
    [[nodiscard]] bool knows(std::string_view zone) const override { return find(zone) != nullptr; }

    [[nodiscard]] zone_period period_at(std::string_view zone, time_point t) const override {
        const ::date::time_zone* found = find(zone);
        if (found == nullptr) {
            throw error{errc::invalid_argument, "unknown time zone: " + std::string{zone}};
        }
        // Offsets change on whole seconds, so the second holding `t` has t's period.
        const auto info = found->get_info(std::chrono::floor<std::chrono::seconds>(t));
        return {.begin = time_point{info.begin}, .end = time_point{info.end}, .offset = info.offset};
    }

private:
    // ::date is the library; helpdesk::date is a day. date/tz answers an unknown name with an exception; the
    // port's callers ask first, so this is not on a hot path.
    static const ::date::time_zone* find(std::string_view zone) {
        if (zone.empty()) {
            return nullptr;
        }
        try {
            return ::date::locate_zone(zone);
        } catch (const std::runtime_error&) {
            return nullptr;
        }
    }
};

} // namespace

std::shared_ptr<time_zones> system_time_zones() {
    return std::make_shared<system_zones>();
}

} // namespace helpdesk::tz
