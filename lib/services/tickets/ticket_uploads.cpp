// Attachments: adding a file to a ticket, and reading one back.
#include "services/tickets/ticket_uploads.hpp"

#include "security/tokens.hpp"
#include "services/tickets/ticket_change.hpp"

#include <helpdesk/services/ticket_service.hpp>

namespace helpdesk {

attachment detail::store_file(engine_context& context, transaction& tx, upload_guard& uploads, const ticket& t,
                              const checked_file& file, account_id uploader, time_point now) {
    attachment a;
    a.ticket = t.id;
    a.file_name = file.file_name;
    a.content_type = file.content_type;
    a.size = static_cast<std::int64_t>(file.bytes->size());
    a.blob_key = "att-" + random_hex(context.random(), 16);
    a.uploaded_by = uploader;
    a.upload_date = now;
    uploads.put(a.blob_key, *file.bytes);
    tx.tickets().insert_attachment(a);
    record_history(tx, t, uploader, now, history_kind::attachment_added, std::nullopt, a.file_name);
    return a;
}

attachment ticket_service::add_attachment(account_id actor_id, ticket_id id, const new_attachment& file) {
    detail::field_checker check;
    const auto checked = detail::check_file(check, file, context_.options());
    check.throw_if_failed();
    const auto now = context_.time_source().now();
    return detail::in_upload_transaction(context_, [&](transaction& tx, detail::upload_guard& uploads) {
        auto change = detail::begin_change(tx, actor_id, id, action::add_attachment, std::nullopt);
        const auto& t = change.item;
        if (static_cast<std::int64_t>(tx.tickets().attachments(t.id).size()) >=
            context_.options().max_attachments_per_ticket) {
            throw error(errc::invalid_argument, "too many files",
                        {{"attachments", {"This ticket already has the maximum number of files."}}});
        }
        auto added = detail::store_file(context_, tx, uploads, t, checked, change.who.id, now);
        detail::save(context_, tx, change, now, std::nullopt);
        return added;
    });
}

attachment_download ticket_service::download(account_id actor_id, row_id attachment_id) {
    auto meta = detail::in_read_transaction(context_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        auto a = tx.tickets().find_attachment(attachment_id);
        if (!a) {
            throw error(errc::not_found, "attachment not found");
        }
        const auto t = tx.tickets().find(a->ticket);
        // Whatever the reason, a file of a ticket one may not see does not exist.
        if (!can(who, action::view, t ? &*t : nullptr).allowed) {
            throw error(errc::not_found, "attachment not found");
        }
        return *a;
    });
    auto bytes = context_.blobs().get(meta.blob_key);
    if (!bytes) {
        throw error(errc::not_found, "the attachment's file is missing");
    }
    return {std::move(meta), std::move(*bytes)};
}

} // namespace helpdesk
