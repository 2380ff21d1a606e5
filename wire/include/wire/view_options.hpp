#pragma once

#include <string>
#include <string_view>

namespace helpdesk::wire {

/// Makes the links through which a caller fetches a file's bytes (the HTTP
/// server signs them for the caller). `path` is the API path of the bytes,
/// e.g. `/api/attachments/7/download/`.
class link_builder {
public:
    virtual ~link_builder() = default;
    /// The link to `path`.
    [[nodiscard]] virtual std::string link(const std::string& path) const = 0;
};

/// What the views add to a resource's own fields. The HTTP API asks for all
/// of it; the C ABI for none of it (its shapes are those of
/// include/helpdesk/c.h).
struct view_options {
    /// Makes `image_url` and `download_url`; without one the views leave
    /// those fields out.
    const link_builder* links = nullptr;
    /// The compact shapes: tickets without `actions` and `status_targets`,
    /// comments and history rows without the names of the people behind them,
    /// attachments without `ticket` and `uploaded_by`.
    bool compact = false;
};

} // namespace helpdesk::wire
