#pragma once

#include <wire/request_fields.hpp>

#include <helpdesk/domain/canned_reply.hpp>
#include <helpdesk/services/canned_reply_service.hpp>

#include <boost/json/object.hpp>

/// The JSON shapes of canned replies, and the bodies that make and change one.
namespace helpdesk::wire {

/// A canned reply: `{id, title, body, shared, owner, created_at, created_by,
/// updated_at, version}` (`owner` null for a shared reply).
[[nodiscard]] boost::json::object canned_reply_json(const canned_reply& r);

/// A reply filled in for a ticket: `{reply, ticket, text}`.
[[nodiscard]] boost::json::object rendered_reply_json(const rendered_reply& r);

/// A new reply (`POST /api/canned-replies/`): `title`, `body`, and
/// `shared` (false by default).
[[nodiscard]] new_canned_reply read_new_canned_reply(request_fields& body);

/// A change (`PATCH /api/canned-replies/{id}/`): `title` and/or `body`.
/// `shared` and `owner` cannot be changed: sent at all, they are refused.
[[nodiscard]] canned_reply_change read_canned_reply_change(request_fields& body);

} // namespace helpdesk::wire
