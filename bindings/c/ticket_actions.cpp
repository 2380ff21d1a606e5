#include "ticket_actions.hpp"

#include <helpdesk/error.hpp>

namespace helpdesk::capi {

std::optional<std::int64_t> expected(std::int64_t expected_version) {
    if (expected_version < 0) {
        throw error(errc::invalid_argument, "expected_version must be a version (1 or more), or 0 for no check.",
                    {{"expected_version", {"Must be 0 or positive."}}});
    }
    return expected_version == 0 ? std::nullopt : std::optional{expected_version};
}

std::optional<std::string_view> optional_note(const char* note) {
    return note == nullptr ? std::nullopt : std::optional<std::string_view>{note};
}

} // namespace helpdesk::capi
