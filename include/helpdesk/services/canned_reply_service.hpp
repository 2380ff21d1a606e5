#pragma once

#include <helpdesk/domain/canned_reply.hpp>
#include <helpdesk/ids.hpp>
#include <helpdesk/services/paging.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace helpdesk {

class engine_context;

/// A canned reply to make. `shared` makes it every staff member's (System
/// Admins only); otherwise it is the caller's own.
struct new_canned_reply {
    std::string title{};
    std::string body{};
    bool shared = false;
};

/// A change of a canned reply: the members given replace the stored ones.
struct canned_reply_change {
    std::optional<std::string> title{};
    std::optional<std::string> body{};
};

/// A canned reply filled in for one ticket: the text to put in the reply
/// box. Nothing is posted: the caller edits and sends it as a comment.
struct rendered_reply {
    row_id reply = 0;
    ticket_id ticket = 0;
    std::string text{};
};

/// Canned replies (docs/product.md#canned-replies). Staff (policy action
/// `use_canned_replies`) list, read and render their own replies and the
/// shared ones, and create, change and delete their own; shared replies are
/// created, changed and deleted by System Admins only
/// (`manage_shared_canned_replies`). Another staff member's own reply does
/// not exist for the caller (not_found), whatever the caller's role.
///
/// A title is 1 to 100 characters on one line, a body 1 to 5,000 characters
/// (both trimmed); a body's placeholders are checked when it is saved
/// (`reply_template_errors`: each problem a message on `body`), so rendering
/// a saved reply never fails on its text. Titles need not be unique.
///
/// Every call is one store transaction. Thread-safe. Failures throw
/// `helpdesk::error`: permission_denied for employees (and for a
/// coordinator writing a shared reply), not_found for a reply the caller
/// does not see, invalid_argument with field errors for bad input (checked
/// after the permission), precondition_failed for a stale expected version,
/// unauthenticated when `actor` no longer exists.
class canned_reply_service {
public:
    /// Uses the context's store and clock; the context must outlive the service.
    explicit canned_reply_service(engine_context& context) : context_(context) {}

    /// Makes a reply: the caller's own, or shared (System Admins). Version 1.
    [[nodiscard]] canned_reply create(account_id actor, const new_canned_reply& request);
    /// The reply `id`, when it is the caller's own or shared.
    [[nodiscard]] canned_reply get(account_id actor, row_id id);
    /// A page of the caller's own replies and the shared ones, by title
    /// (ASCII case ignored, `title_sort_key`), then id. Cursors are of this
    /// list only.
    [[nodiscard]] list_page<canned_reply> list(account_id actor, const page_request& request = {});
    /// Changes the reply's title and/or body and bumps its version, when
    /// `expected_version` (if given) is the stored one.
    [[nodiscard]] canned_reply update(account_id actor, row_id id, const canned_reply_change& change,
                                      std::optional<std::int64_t> expected_version = std::nullopt);
    /// Deletes the reply, when `expected_version` (if given) is the stored one.
    void remove(account_id actor, row_id id, std::optional<std::int64_t> expected_version = std::nullopt);
    /// The reply's body with its placeholders filled for ticket `ticket`, which
    /// the caller must be able to read (otherwise not_found, as for a missing
    /// ticket); the caller is the agent of `{{agent.*}}`. Writes nothing.
    [[nodiscard]] rendered_reply render(account_id actor, row_id id, ticket_id ticket);

private:
    engine_context& context_;
};

} // namespace helpdesk
