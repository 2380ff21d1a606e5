#pragma once

namespace helpdesk::server {

/// The credentials a route asks for (see `authenticate`).
enum class access {
    anyone,      ///< no credentials
    bearer,      ///< `Authorization: Bearer <access JWT>`
    /// A bearer token, or in cookie mode (`X-Helpdesk-Session: cookie`) none
    /// needed: the handler reads the session cookie (logout).
    bearer_or_cookie,
    signed_url,  ///< a short-lived signed URL (`u`, `exp`, `sig` query parameters)
    api_key,     ///< `X-API-Key` of the workflow system
    metrics,     ///< anyone, or the metrics token when one is configured
};

} // namespace helpdesk::server
