#pragma once

#include <helpdesk/engine.hpp>

#include "engine_handle.hpp"
#include "json_out.hpp"
#include "output.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace helpdesk::capi {

/// The C ABI's `expected_version`: 0 is "do not check"; a negative one is invalid_argument.
[[nodiscard]] std::optional<std::int64_t> expected(std::int64_t expected_version);

/// An optional note: NULL is none.
[[nodiscard]] std::optional<std::string_view> optional_note(const char* note);

/// One `hd_ticket_*` call: `act(tickets)` runs the action on the engine's
/// ticket service, and the ticket's detail view it answers with is written
/// to `*out_ticket_json` (see `json_call`).
template <class Act>
int ticket_action(char** out_ticket_json, hd_engine* engine, Act act) noexcept {
    return json_call(out_ticket_json, "out_ticket_json",
                     [&] { return ticket_details_json(act(desk_of(engine).tickets())); });
}

} // namespace helpdesk::capi
