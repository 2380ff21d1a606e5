#include <helpdesk/ports/clock.hpp>

#include <chrono>

namespace helpdesk {
namespace {

class wall_clock final : public clock {
public:
    [[nodiscard]] time_point now() const override {
        // Truncate (not round) so a stored time never lies in the future.
        return std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
    }
};

} // namespace

std::shared_ptr<clock> system_clock() {
    return std::make_shared<wall_clock>();
}

} // namespace helpdesk
