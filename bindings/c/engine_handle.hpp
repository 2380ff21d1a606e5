#pragma once

#include <helpdesk/c.h>
#include <helpdesk/engine.hpp>

#include <utility>

/// What an `hd_engine*` points to: the C++ engine (which owns its store and
/// blob store). Defined at global scope because c.h declares it there.
struct hd_engine {
    hd_engine(helpdesk::engine_parts parts, helpdesk::engine_options options)
        : desk(std::move(parts), std::move(options)) {}
    helpdesk::engine desk;
};

namespace helpdesk::capi {

/// The engine behind a handle; a NULL handle is invalid_argument naming `engine`.
[[nodiscard]] engine& desk_of(hd_engine* handle);

} // namespace helpdesk::capi
