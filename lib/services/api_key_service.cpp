#include <helpdesk/services/api_key_service.hpp>

#include "security/tokens.hpp"
#include "services/field_checker.hpp"
#include "services/paging.hpp"
#include "services/service_support.hpp"

#include <algorithm>
#include <chrono>
#include <string>

namespace helpdesk {
namespace {

constexpr std::string_view key_scheme = "hdk_";
constexpr std::size_t key_random_bytes = 24;
constexpr std::size_t key_length = key_scheme.size() + 2 * key_random_bytes;
/// `hdk_` and 8 hex digits: enough to tell keys apart, 160 bits still secret.
constexpr std::size_t shown_prefix_length = 12;
constexpr std::size_t max_name_chars = 100;
/// Keys page by id, oldest first.
constexpr detail::cursor_kind key_cursor{'k', false, false};
/// `last_used_at` is refreshed when older than this (one write a minute per busy key).
constexpr auto touch_interval = std::chrono::minutes{1};

[[nodiscard]] bool shaped_like_key(std::string_view text) noexcept {
    return text.size() == key_length && text.starts_with(key_scheme) &&
           std::all_of(text.begin() + static_cast<std::ptrdiff_t>(key_scheme.size()), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

/// Checks the actor may manage keys; the operator (no actor) always may.
void authorise(transaction& tx, std::optional<account_id> actor_id) {
    if (actor_id) {
        can(detail::load_actor(tx, *actor_id), action::manage_api_keys, nullptr).enforce();
    }
}

} // namespace

created_api_key api_key_service::create(account_id actor, std::string_view name) { return make(actor, name); }

created_api_key api_key_service::create_for_operator(std::string_view name) { return make(std::nullopt, name); }

list_page<api_key> api_key_service::list(account_id actor, const page_request& request) {
    const auto window = detail::window_of(request, key_cursor);
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        authorise(tx, actor);
        return detail::page_by_id(tx.api_keys().list(window), request, key_cursor);
    });
}

api_key api_key_service::revoke(account_id actor, row_id id) { return revoke_key(actor, id); }

api_key api_key_service::revoke_for_operator(row_id id) { return revoke_key(std::nullopt, id); }

created_api_key api_key_service::make(std::optional<account_id> actor, std::string_view name) {
    detail::field_checker check;
    const auto clean_name = check.line("name", name, max_name_chars);
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        authorise(tx, actor);
        // After the permission check: a caller who may not make keys learns nothing about names.
        check.throw_if_failed("invalid API key");
        created_api_key made;
        // Drawn inside the transaction so that a re-run (lost race) gets a fresh key.
        made.key = std::string{key_scheme} + detail::random_hex(context_.random(), key_random_bytes);
        made.record.name = clean_name;
        made.record.prefix = made.key.substr(0, shown_prefix_length);
        made.record.created_by = actor;
        made.record.created_at = now;
        tx.api_keys().insert(made.record, detail::sha256_hex(made.key));
        return made;
    });
}

std::vector<api_key> api_key_service::list_for_operator() {
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        // Windows of 100 by id, in one transaction: every key, however many.
        std::vector<api_key> keys;
        page_window window{.limit = 100, .with_count = false};
        for (;;) {
            auto found = tx.api_keys().list(window);
            const bool last = static_cast<std::int64_t>(found.rows.size()) < window.limit;
            keys.insert(keys.end(), found.rows.begin(), found.rows.end());
            if (last) {
                return keys;
            }
            window.after = keyset{0, keys.back().id};
        }
    });
}

api_key api_key_service::revoke_key(std::optional<account_id> actor, row_id id) {
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        authorise(tx, actor);
        if (!tx.api_keys().find(id)) {
            throw error(errc::not_found, "API key " + std::to_string(id) + " does not exist");
        }
        (void)tx.api_keys().revoke(id, now); // false: already revoked, which is fine
        return *tx.api_keys().find(id);
    });
}

std::optional<api_key> api_key_service::authenticate(std::string_view presented) {
    if (!shaped_like_key(presented)) {
        return std::nullopt;
    }
    const auto hash = detail::sha256_hex(presented);
    auto found = detail::in_read_transaction(context_, [&](transaction& tx) { return tx.api_keys().find_by_hash(hash); });
    if (!found || found->revoked_at) {
        return std::nullopt;
    }
    const auto now = context_.time_source().now();
    if (!found->last_used_at || *found->last_used_at <= now - touch_interval) {
        // Bookkeeping only: a busy or briefly unreachable store must not turn
        // a valid key away, so a failed write is let go (the next call retries).
        try {
            const bool written = detail::in_write_transaction(
                context_, [&](transaction& tx) { return tx.api_keys().touch(found->id, now, now - touch_interval); });
            if (written) {
                found->last_used_at = now;
            }
        } catch (const error&) {
        }
    }
    return found;
}

} // namespace helpdesk
