#include <helpdesk/services/canned_reply_service.hpp>

#include <helpdesk/rules/reply_template.hpp>

#include "services/field_checker.hpp"
#include "services/paging.hpp"
#include "services/service_support.hpp"
#include "services/tickets/ticket_change.hpp"

#include <charconv>
#include <string>
#include <string_view>

namespace helpdesk {
namespace {

constexpr std::size_t max_title_chars = 100;
constexpr std::size_t max_body_chars = 5000;
/// `na.<sort key in hex>.<id>`: the list's tag, ascending, and the position.
constexpr std::string_view cursor_prefix = "na.";

error invalid_cursor() { return error(errc::invalid_argument, "invalid cursor", {{"cursor", {"Invalid cursor."}}}); }

std::string encode_cursor(const canned_reply& last) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text{cursor_prefix};
    for (const char c : title_sort_key(last.title)) {
        const auto byte = static_cast<unsigned char>(c);
        text += digits[byte >> 4];
        text += digits[byte & 0x0F];
    }
    return text + "." + std::to_string(last.id);
}

title_position decode_cursor(std::string_view cursor) {
    const auto dot = cursor.rfind('.');
    if (!cursor.starts_with(cursor_prefix) || dot < cursor_prefix.size()) {
        throw invalid_cursor();
    }
    const auto hex = cursor.substr(cursor_prefix.size(), dot - cursor_prefix.size());
    const auto id_text = cursor.substr(dot + 1);
    title_position at;
    const auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), at.id);
    if (hex.size() % 2 != 0 || id_text.empty() || ec != std::errc{} || end != id_text.data() + id_text.size()) {
        throw invalid_cursor();
    }
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        unsigned value = 0;
        const auto [stop, bad] = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
        if (bad != std::errc{} || stop != hex.data() + i + 2) {
            throw invalid_cursor();
        }
        at.key += static_cast<char>(value);
    }
    return at;
}

/// The store window of a page request: one row more than the page holds.
title_window window_of(const page_request& asked) {
    title_window window;
    const auto offset = detail::page_offset(asked.page_number, asked.page_size);
    window.limit = asked.page_size + 1;
    if (!asked.cursor) {
        window.offset = offset;
    } else {
        window.with_count = false;
        if (!asked.cursor->empty()) {
            window.after = decode_cursor(*asked.cursor);
        }
    }
    return window;
}

/// The acting staff member; permission_denied for anyone else.
actor staff_actor(transaction& tx, account_id actor_id) {
    const auto who = detail::load_actor(tx, actor_id);
    can(who, action::use_canned_replies, nullptr).enforce();
    return who;
}

/// The reply `id` as `who` sees it: its own or a shared one, else not_found.
canned_reply visible_reply(transaction& tx, const actor& who, row_id id) {
    auto found = tx.canned_replies().find(id);
    if (!found || (found->owner && *found->owner != who.id)) {
        throw error(errc::not_found, "canned reply not found");
    }
    return std::move(*found);
}

/// The reply `id`, which `who` may change or delete: its own, or a shared
/// one when `who` is a System Admin.
canned_reply writable_reply(transaction& tx, const actor& who, row_id id,
                            std::optional<std::int64_t> expected_version) {
    auto found = visible_reply(tx, who, id);
    if (found.shared()) {
        can(who, action::manage_shared_canned_replies, nullptr).enforce();
    }
    if (expected_version && *expected_version != found.version) {
        throw error(errc::precondition_failed, "the canned reply was changed meanwhile (it is at version " +
                                                   std::to_string(found.version) + "); reload and try again");
    }
    return found;
}

std::string checked_title(detail::field_checker& check, std::string_view title) {
    return check.line("title", title, max_title_chars);
}

std::string checked_body(detail::field_checker& check, std::string_view body) {
    auto clean = check.text("body", body, max_body_chars);
    for (auto& problem : reply_template_errors(clean)) {
        check.fail("body", std::move(problem));
    }
    return clean;
}

} // namespace

canned_reply canned_reply_service::create(account_id actor_id, const new_canned_reply& request) {
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        const auto who = staff_actor(tx, actor_id);
        if (request.shared) {
            can(who, action::manage_shared_canned_replies, nullptr).enforce();
        }
        detail::field_checker check;
        canned_reply made;
        made.title = checked_title(check, request.title);
        made.body = checked_body(check, request.body);
        check.throw_if_failed("invalid canned reply");
        made.owner = request.shared ? std::nullopt : std::optional<account_id>{who.id};
        made.created_at = now;
        made.created_by = who.id;
        made.updated_at = now;
        made.version = 1;
        tx.canned_replies().insert(made);
        return made;
    });
}

canned_reply canned_reply_service::get(account_id actor_id, row_id id) {
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        return visible_reply(tx, staff_actor(tx, actor_id), id);
    });
}

list_page<canned_reply> canned_reply_service::list(account_id actor_id, const page_request& request) {
    const auto window = window_of(request);
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        const auto who = staff_actor(tx, actor_id);
        return detail::page_with_cursor(tx.canned_replies().list_visible(who.id, window), request,
                                        [](const canned_reply& r) { return encode_cursor(r); });
    });
}

canned_reply canned_reply_service::update(account_id actor_id, row_id id, const canned_reply_change& change,
                                          std::optional<std::int64_t> expected_version) {
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        const auto who = staff_actor(tx, actor_id);
        auto reply = writable_reply(tx, who, id, expected_version);
        detail::field_checker check;
        if (change.title) {
            reply.title = checked_title(check, *change.title);
        }
        if (change.body) {
            reply.body = checked_body(check, *change.body);
        }
        check.throw_if_failed("invalid canned reply");
        const auto stored_version = reply.version;
        reply.updated_at = now;
        reply.version = stored_version + 1;
        if (!tx.canned_replies().update(reply, stored_version)) {
            throw error(errc::precondition_failed, "the canned reply was changed meanwhile; reload and try again");
        }
        return reply;
    });
}

void canned_reply_service::remove(account_id actor_id, row_id id, std::optional<std::int64_t> expected_version) {
    detail::in_write_transaction(context_, [&](transaction& tx) {
        const auto who = staff_actor(tx, actor_id);
        (void)writable_reply(tx, who, id, expected_version);
        (void)tx.canned_replies().remove(id);
    });
}

rendered_reply canned_reply_service::render(account_id actor_id, row_id id, ticket_id ticket_id) {
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        const auto who = staff_actor(tx, actor_id);
        const auto reply = visible_reply(tx, who, id);
        const auto subject = detail::require_ticket(tx, ticket_id);
        can(who, action::view, &subject).enforce();
        const auto owner = tx.accounts().find(subject.employee);
        const auto author = tx.accounts().find(who.id);
        const auto assignee = subject.assigned_to ? tx.accounts().find(*subject.assigned_to) : std::nullopt;
        if (!owner || !author) {
            throw error(errc::internal, "a ticket's owner or the acting account is missing");
        }
        const reply_facts facts{.subject_ticket = subject,
                                .owner = *owner,
                                .assignee = assignee ? &*assignee : nullptr,
                                .author = *author};
        return rendered_reply{.reply = reply.id, .ticket = subject.id, .text = render_reply(reply.body, facts)};
    });
}

} // namespace helpdesk
