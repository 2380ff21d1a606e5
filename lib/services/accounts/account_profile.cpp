// An account's own profile: names and picture, and who may see the picture.
#include <helpdesk/services/account_service.hpp>

#include "security/tokens.hpp"
#include "services/accounts/account_checks.hpp"
#include "services/content_sniffer.hpp"
#include "services/field_checker.hpp"
#include "services/service_support.hpp"
#include "services/upload_guard.hpp"

namespace helpdesk {

account account_service::update_profile(account_id actor_id, const profile_update& changes) {
    detail::field_checker check;
    std::optional<std::string> first_name, last_name;
    if (changes.first_name) {
        first_name = check.person_name("first_name", *changes.first_name);
    }
    if (changes.last_name) {
        last_name = check.person_name("last_name", *changes.last_name);
    }
    const auto middle_name = check.optional_person_name("middle_name", changes.middle_name);
    const auto suffix = detail::check_suffix(check, changes.suffix);
    check.throw_if_failed();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        auto a = detail::require_account(tx, actor_id);
        can(detail::actor_of(a), action::update_profile, nullptr).enforce();
        if (first_name) {
            a.first_name = *first_name;
        }
        if (last_name) {
            a.last_name = *last_name;
        }
        if (changes.middle_name) {
            a.middle_name = middle_name; // blank clears it
        }
        if (changes.suffix) {
            a.suffix = suffix;
        }
        tx.accounts().update(a);
        return a;
    });
}

account account_service::set_image(account_id actor_id, std::string_view bytes) {
    detail::field_checker check;
    if (bytes.empty()) {
        check.fail("image", "This field is required.");
    } else if (static_cast<std::int64_t>(bytes.size()) > context_.options().max_image_bytes) {
        check.fail("image",
                   "The image is larger than " + std::to_string(context_.options().max_image_bytes) +
                       " bytes.",
                   errc::payload_too_large);
    } else if (!detail::sniff_image_type(bytes)) {
        check.fail("image", "Upload a PNG or JPEG image.", errc::unsupported_media_type);
    }
    check.throw_if_failed();
    const auto key = "img-" + detail::random_hex(context_.random(), 16);
    std::optional<std::string> old_key;
    // The new picture is written inside the transaction, after the policy
    // check, and kept only once the account refers to it (see upload_guard).
    auto updated =
        detail::in_upload_transaction(context_, [&](transaction& tx, detail::upload_guard& uploads) {
            can(detail::load_actor(tx, actor_id), action::set_image, nullptr).enforce();
            auto a = detail::require_account(tx, actor_id);
            old_key = a.image_key;
            uploads.put(key, bytes);
            a.image_key = key;
            tx.accounts().update(a);
            return a;
        });
    if (old_key) {
        context_.blobs().remove(*old_key);
    }
    return updated;
}

std::optional<profile_image> account_service::image(account_id actor_id, account_id target) {
    // A concurrent set_image deletes the old bytes after its commit: read the
    // key again when its bytes are gone.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const auto key = detail::in_read_transaction(context_, [&](transaction& tx) {
            can(detail::load_actor(tx, actor_id), action::view_account_image, target).enforce();
            return detail::require_account(tx, target).image_key;
        });
        if (!key) {
            return std::nullopt;
        }
        auto bytes = context_.blobs().get(*key);
        if (!bytes) {
            continue;
        }
        auto type = detail::sniff_image_type(*bytes);
        if (!type) {
            throw error(errc::internal, "the stored profile picture is not a PNG or JPEG");
        }
        return profile_image{std::move(*type), std::move(*bytes)};
    }
    return std::nullopt;
}

} // namespace helpdesk
