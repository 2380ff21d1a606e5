#include "security/tokens.hpp"
#include "services/content_sniffer.hpp"
#include "services/field_checker.hpp"
#include "services/json_object.hpp"
#include "services/service_support.hpp"
#include "services/ticket_support.hpp"

#include <helpdesk/services/ticket_service.hpp>

#include <algorithm>

namespace helpdesk {
namespace {
using detail::field_checker;

constexpr std::size_t max_text = 5000;

/// An upload that passed validation, ready to be written.
struct checked_file {
    std::string file_name;
    std::string content_type;
    const std::string* bytes = nullptr;
};

std::string base_name(std::string_view name) {
    const auto slash = name.find_last_of("/\\");
    return std::string{detail::trim(slash == std::string_view::npos ? name : name.substr(slash + 1))};
}

checked_file check_file(field_checker& check, const new_attachment& file, const engine_options& options) {
    checked_file out{{}, {}, &file.bytes};
    // The name ends up in headers and JSON: one clean line of UTF-8.
    out.file_name = check.line("attachments", base_name(file.file_name), 255);
    if (out.file_name.empty()) {
        return out;
    }
    if (file.bytes.empty()) {
        check.fail("attachments", "The file '" + out.file_name + "' is empty.");
    } else if (static_cast<std::int64_t>(file.bytes.size()) > options.max_attachment_bytes) {
        check.fail("attachments",
                   "The file '" + out.file_name + "' is larger than " + std::to_string(options.max_attachment_bytes) +
                       " bytes.",
                   errc::payload_too_large);
    } else if (auto type = detail::sniff_attachment_type(file.bytes, out.file_name)) {
        out.content_type = std::move(*type);
    } else {
        check.fail("attachments",
                   "The file '" + out.file_name + "' is not an allowed type (png, jpeg, pdf, doc, docx, xls, xlsx, csv).",
                   errc::unsupported_media_type);
    }
    return out;
}

/// Writes the bytes under a fresh key and the metadata row; remembers the key
/// so that a failed transaction can delete the orphan.
attachment store_file(engine_context& ctx, transaction& tx, const ticket& t, const checked_file& file,
                      account_id uploader, time_point now, std::vector<std::string>& written) {
    attachment a;
    a.ticket = t.id;
    a.file_name = file.file_name;
    a.content_type = file.content_type;
    a.size = static_cast<std::int64_t>(file.bytes->size());
    a.blob_key = "att-" + detail::random_hex(ctx.random(), 16);
    a.uploaded_by = uploader;
    a.upload_date = now;
    ctx.blobs().put(a.blob_key, *file.bytes);
    written.push_back(a.blob_key);
    tx.tickets().insert_attachment(a);
    detail::record_history(tx, t, uploader, now, "attachment_added", std::nullopt, a.file_name);
    return a;
}

void remove_blobs(engine_context& ctx, const std::vector<std::string>& keys) noexcept {
    for (const auto& key : keys) {
        ctx.blobs().remove(key);
    }
}

std::string request_fingerprint(const create_ticket_request& r) {
    std::string material;
    for (const auto* part : {&r.subject, &r.category, &r.sub_category, &r.description}) {
        material += std::to_string(part->size()) + ":" + *part;
    }
    material.append(r.scheduled_date ? "d" : "-").append(r.scheduled_date.value_or(""));
    for (const auto& file : r.attachments) {
        material.append("f").append(std::to_string(file.file_name.size())).append(":").append(file.file_name);
        material.append(detail::sha256_hex(file.bytes));
    }
    return detail::sha256_hex(material);
}

ticket require_ticket(transaction& tx, ticket_id id) {
    auto found = tx.tickets().find(id);
    if (!found) {
        throw error(errc::not_found, "ticket not found");
    }
    return *found;
}

void check_version(const ticket& t, std::optional<std::int64_t> expected) {
    if (expected && *expected != t.version) {
        throw error(errc::precondition_failed, "the ticket was changed meanwhile (it is at version " + std::to_string(t.version) +
                                        ", not " + std::to_string(*expected) + ")");
    }
}

/// Stores `t` (bumping version and update_date) if nobody changed it since
/// `before`. A caller that named the version it expected is told of the lost
/// race; otherwise the whole call re-runs on the fresh ticket, so its rules
/// are checked again against what is there now.
void save(transaction& tx, ticket& t, std::int64_t before, time_point now,
          std::optional<std::int64_t> expected_version) {
    t.version = before + 1;
    t.update_date = now;
    if (!tx.tickets().update(t, before)) {
        if (expected_version) {
            throw error(errc::precondition_failed, "the ticket was changed meanwhile; reload and try again");
        }
        throw transient_conflict("the ticket was changed by a concurrent call");
    }
}

/// The common shape of every ticket mutation: load, authorise, check the
/// version, apply `change`, save, commit — all in one transaction.
template <class Change>
ticket mutate(engine_context& ctx, account_id actor_id, ticket_id id, action act,
              std::optional<std::int64_t> expected_version, Change&& change) {
    const auto now = ctx.time_source().now();
    return detail::in_write_transaction(ctx, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        auto t = require_ticket(tx, id);
        can(who, act, &t).enforce();
        check_version(t, expected_version);
        const auto before = t.version;
        change(tx, who, t, now);
        save(tx, t, before, now, expected_version);
        return t;
    });
}

std::optional<std::string> optional_note(field_checker& check, std::optional<std::string_view> note) {
    if (!note || detail::trim(*note).empty()) {
        return std::nullopt;
    }
    return check.text("comment", *note, max_text);
}

ticket_status parse_target_status(std::string_view text) {
    const auto parsed = parse_ticket_status(detail::trim(text));
    if (!parsed) {
        throw error(errc::invalid_argument, "unknown status", {{"status", {"Select a valid choice."}}});
    }
    return *parsed;
}

/// Applies an update-status edge, recording the change as a public comment.
void apply_status_update(transaction& tx, ticket& t, std::optional<account_id> actor, ticket_status to,
                         const std::optional<std::string>& note, time_point now, std::string_view source) {
    const auto from = t.status;
    if (!lifecycle_target(action::update_status, from, to)) {
        throw error(errc::invalid_state, "cannot move a ticket from " + std::string{to_string(from)} + " to " +
                                             std::string{to_string(to)});
    }
    detail::move_status(tx, t, actor, to, now);
    detail::record_comment(tx, t, actor,
                           "Status changed from " + std::string{to_string(from)} + " to " +
                               std::string{to_string(to)} + std::string{source} + ".",
                           false, now, false);
    if (note) {
        detail::record_comment(tx, t, actor, *note, false, now, true);
    }
    detail::record_event(tx, now, detail::status_event_kind(to), t.employee, t.id,
                         detail::ticket_payload(t, actor, {{"old_status", std::string{to_string(from)}}}));
}

ticket_list to_list(ticket_page_result result, const ticket_page_request& request, bool keyset_mode,
                    std::int64_t page_number) {
    ticket_list out;
    out.count = result.count;
    out.has_next = static_cast<std::int64_t>(result.rows.size()) > request.limit;
    if (out.has_next) {
        result.rows.resize(static_cast<std::size_t>(request.limit));
    }
    if (keyset_mode) {
        out.has_previous = request.after.has_value();
        if (out.has_next) {
            out.next_cursor = detail::encode_cursor(request.order, detail::keyset_of(result.rows.back(), request.order));
        }
    } else {
        out.has_previous = page_number > 1;
    }
    out.results = std::move(result.rows);
    return out;
}

} // namespace

ticket_details ticket_service::create(account_id actor_id, const create_ticket_request& r,
                                      std::optional<std::string_view> idempotency_key) {
    const auto& options = ctx_.options();
    field_checker check;
    check.forbidden("status", r.status.has_value(), "The status is set by the help desk, not by the requester.");
    check.forbidden("priority", r.priority.has_value(), "The priority is set by staff at approval.");
    check.forbidden("department", r.department.has_value(), "The department is set by staff at approval.");
    check.forbidden("assigned_to", r.assigned_to.has_value(), "Tickets are assigned by staff.");
    ticket t;
    t.subject = check.titled_text("subject", r.subject, 255);
    t.category = check.line("category", r.category, 100);
    t.sub_category = check.line("sub_category", r.sub_category, 100);
    t.description = check.text("description", r.description, max_text);
    if (!t.category.empty() && !options.choices.has_category(t.category)) {
        check.fail("category", "Select a valid choice.");
    } else if (!t.category.empty() && !t.sub_category.empty() &&
               !options.choices.has_pair(t.category, t.sub_category)) {
        check.fail("sub_category", "This sub-category does not belong to the chosen category.");
    }
    const auto now = ctx_.time_source().now();
    if (r.scheduled_date && !detail::trim(*r.scheduled_date).empty()) {
        t.scheduled_date = parse_iso_date(detail::trim(*r.scheduled_date));
        if (!t.scheduled_date) {
            check.fail("scheduled_date", "Enter a valid date (YYYY-MM-DD).");
        } else if (*t.scheduled_date < std::chrono::floor<std::chrono::days>(now)) {
            check.fail("scheduled_date", "The scheduled date cannot be in the past.");
        }
    }
    if (static_cast<std::int64_t>(r.attachments.size()) > options.max_attachments_per_ticket) {
        check.fail("attachments", "At most " + std::to_string(options.max_attachments_per_ticket) +
                                      " files may be attached to a ticket.");
    }
    std::vector<checked_file> files;
    for (const auto& file : r.attachments) {
        files.push_back(check_file(check, file, options));
    }
    if (idempotency_key &&
        (idempotency_key->empty() || idempotency_key->size() > 255 ||
         !std::all_of(idempotency_key->begin(), idempotency_key->end(), [](char c) { return c > ' ' && c < 0x7F; }))) {
        check.fail("idempotency_key", "Must be 1 to 255 printable ASCII characters.");
    }
    check.throw_if_failed();
    const auto fingerprint = idempotency_key ? request_fingerprint(r) : std::string{};

    std::vector<std::string> written;
    bool committing = false;
    try {
        return detail::in_write_transaction(ctx_, [&](transaction& tx) {
            // A re-run after a transient conflict starts clean.
            remove_blobs(ctx_, written);
            written.clear();
            committing = false;
            const auto owner = tx.accounts().find(actor_id);
            if (!owner) {
                throw error(errc::unauthenticated, "the acting account does not exist");
            }
            const actor who{owner->id, owner->account_role, owner->status};
            can(who, action::create, nullptr).enforce();
            if (idempotency_key) {
                if (const auto first = tx.tickets().find_idempotency(actor_id, *idempotency_key)) {
                    if (first->second != fingerprint) {
                        throw error(errc::conflict, "this Idempotency-Key was used for a different request");
                    }
                    auto again = detail::load_details(tx, require_ticket(tx, first->first), is_staff(who.actor_role));
                    again.viewer = who;
                    return again;
                }
            }
            t.employee = actor_id;
            t.ticket_number = format_ticket_number(tx.tickets().next_ticket_sequence());
            t.submit_date = now;
            t.update_date = now;
            tx.tickets().insert(t);
            detail::record_history(tx, t, actor_id, now, "created", std::nullopt, std::string{to_string(t.status)});
            // Everything the detail view shows is at hand: no need to read it back.
            ticket_details created{.item = {}, .employee = detail::summarize(*owner), .assigned_to = std::nullopt,
                                   .attachments = {}, .comments = {}, .comment_authors = {}, .viewer = who};
            for (const auto& file : files) {
                created.attachments.push_back(store_file(ctx_, tx, t, file, actor_id, now, written));
            }
            if (idempotency_key) {
                try {
                    tx.tickets().insert_idempotency(actor_id, *idempotency_key, fingerprint, t.id, now);
                } catch (const error& e) {
                    // A concurrent retry with the same key got there first:
                    // re-run, and the lookup above returns its ticket.
                    if (e.code() == errc::conflict) {
                        throw transient_conflict("a concurrent request used the same Idempotency-Key");
                    }
                    throw;
                }
            }
            detail::record_event(tx, now, event_kind::ticket_created, actor_id, t.id, detail::ticket_payload(t, actor_id));
            created.item = t;
            committing = true; // all that is left is the COMMIT
            return created;
        });
    } catch (const error& e) {
        // A store lost during COMMIT may still have committed: the files then
        // stay (an orphan costs disk; a missing file would lose an attachment).
        if (!committing || e.code() != errc::storage_unavailable) {
            remove_blobs(ctx_, written);
        }
        throw;
    } catch (...) {
        remove_blobs(ctx_, written);
        throw;
    }
}

ticket ticket_service::approve(account_id actor_id, ticket_id id, const approve_request& r,
                               std::optional<std::int64_t> expected_version) {
    field_checker check;
    const auto level = parse_priority(detail::trim(r.priority));
    if (!level) {
        check.fail("priority", "Select a valid choice.");
    }
    const std::string department{detail::trim(r.department)};
    if (!ctx_.options().choices.has_department(department)) {
        check.fail("department", "Select a valid choice.");
    }
    const auto notes = optional_note(check, r.approval_notes);
    return mutate(ctx_, actor_id, id, action::approve, expected_version,
                  [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                      check.throw_if_failed();
                      if (t.ticket_priority != *level) {
                          detail::record_history(tx, t, who.id, now, "priority_changed",
                                                 std::string{to_string(t.ticket_priority)}, std::string{to_string(*level)});
                      }
                      if (t.department != department) {
                          detail::record_history(tx, t, who.id, now, "department_changed", t.department, department);
                      }
                      t.ticket_priority = *level;
                      t.department = department;
                      detail::note_staff_response(t, now);
                      detail::move_status(tx, t, who.id, ticket_status::open, now);
                      if (notes) {
                          detail::record_comment(tx, t, who.id, *notes, true, now, true);
                      }
                      detail::record_event(tx, now, event_kind::ticket_approved, t.employee, t.id,
                                           detail::ticket_payload(t, who.id));
                  });
}

ticket ticket_service::reject(account_id actor_id, ticket_id id, std::string_view reason,
                              std::optional<std::int64_t> expected_version) {
    field_checker check;
    const auto why = check.text("rejection_reason", reason, max_text);
    return mutate(ctx_, actor_id, id, action::reject, expected_version,
                  [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                      check.throw_if_failed();
                      t.rejection_reason = why;
                      detail::note_staff_response(t, now);
                      detail::move_status(tx, t, who.id, ticket_status::rejected, now);
                      detail::record_comment(tx, t, who.id, "Rejected: " + why, true, now, false);
                      detail::record_event(tx, now, event_kind::ticket_rejected, t.employee, t.id,
                                           detail::ticket_payload(t, who.id, {{"reason", why}}));
                  });
}

ticket ticket_service::claim(account_id actor_id, ticket_id id, std::optional<std::int64_t> expected_version) {
    return mutate(ctx_, actor_id, id, action::claim, expected_version,
                  [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                      const auto from = t.status;
                      t.assigned_to = who.id;
                      detail::record_history(tx, t, who.id, now, "assigned", std::nullopt, std::to_string(who.id));
                      detail::note_staff_response(t, now);
                      detail::move_status(tx, t, who.id, *lifecycle_target(action::claim, from), now);
                      detail::record_event(tx, now, event_kind::ticket_status_changed, t.employee, t.id,
                                           detail::ticket_payload(t, who.id, {{"old_status", std::string{to_string(from)}}}));
                  });
}

ticket ticket_service::assign(account_id actor_id, ticket_id id, account_id assignee,
                              std::optional<std::int64_t> expected_version) {
    return mutate(ctx_, actor_id, id, action::assign, expected_version,
                  [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                      const auto target = tx.accounts().find(assignee);
                      if (!target || !is_staff(target->account_role) || target->status != account_status::approved) {
                          throw error(errc::invalid_argument, "tickets can be assigned to approved staff only",
                                      {{"assigned_to", {"Choose an approved coordinator or admin."}}});
                      }
                      const auto previous = t.assigned_to;
                      t.assigned_to = assignee;
                      detail::record_history(tx, t, who.id, now, "assigned",
                                             previous ? std::optional{std::to_string(*previous)} : std::nullopt,
                                             std::to_string(assignee));
                      const auto from = t.status;
                      const auto to = *lifecycle_target(action::assign, from);
                      if (to != from) {
                          detail::move_status(tx, t, who.id, to, now);
                          detail::record_event(tx, now, event_kind::ticket_status_changed, t.employee, t.id,
                                               detail::ticket_payload(t, who.id, {{"old_status", std::string{to_string(from)}}}));
                      }
                      detail::record_event(tx, now, event_kind::ticket_assigned, assignee, t.id,
                                           detail::ticket_payload(t, who.id));
                  });
}

ticket ticket_service::update_status(account_id actor_id, ticket_id id, std::string_view new_status,
                                     std::optional<std::string_view> note,
                                     std::optional<std::int64_t> expected_version) {
    const auto to = parse_target_status(new_status);
    field_checker check;
    const auto text = optional_note(check, note);
    check.throw_if_failed();
    return mutate(ctx_, actor_id, id, action::update_status, expected_version,
                  [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                      apply_status_update(tx, t, who.id, to, text, now, "");
                  });
}

ticket ticket_service::workflow_update_status(const api_key& via, std::string_view ticket_number,
                                              std::string_view new_status, std::optional<std::string_view> note) {
    const auto to = parse_target_status(new_status);
    field_checker check;
    const auto text = optional_note(check, note);
    check.throw_if_failed();
    const auto now = ctx_.time_source().now();
    return detail::in_write_transaction(ctx_, [&](transaction& tx) {
        auto found = tx.tickets().find_by_number(detail::trim(ticket_number));
        if (!found) {
            throw error(errc::not_found, "ticket not found");
        }
        auto t = *found;
        const auto before = t.version;
        apply_status_update(tx, t, std::nullopt, to, text, now, " by the workflow system (key " + via.name + ")");
        save(tx, t, before, now, std::nullopt);
        return t;
    });
}

ticket ticket_service::withdraw(account_id actor_id, ticket_id id, std::optional<std::string_view> note,
                                std::optional<std::int64_t> expected_version) {
    field_checker check;
    const auto text = optional_note(check, note);
    check.throw_if_failed();
    return mutate(ctx_, actor_id, id, action::withdraw, expected_version,
                  [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                      const auto from = t.status;
                      detail::move_status(tx, t, who.id, ticket_status::withdrawn, now);
                      if (text) {
                          detail::record_comment(tx, t, who.id, *text, false, now, true);
                      }
                      detail::record_event(tx, now, event_kind::ticket_status_changed, t.employee, t.id,
                                           detail::ticket_payload(t, who.id, {{"old_status", std::string{to_string(from)}}}));
                  });
}

ticket ticket_service::close(account_id actor_id, ticket_id id, std::optional<std::string_view> note,
                             std::optional<std::int64_t> expected_version) {
    field_checker check;
    const auto text = optional_note(check, note);
    check.throw_if_failed();
    return mutate(ctx_, actor_id, id, action::close, expected_version,
                  [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                      detail::move_status(tx, t, who.id, ticket_status::closed, now);
                      if (text) {
                          detail::record_comment(tx, t, who.id, *text, false, now, true);
                      }
                      detail::record_event(tx, now, event_kind::ticket_closed, t.employee, t.id,
                                           detail::ticket_payload(t, who.id));
                  });
}

ticket ticket_service::reopen(account_id actor_id, ticket_id id, std::string_view note,
                              std::optional<std::int64_t> expected_version) {
    field_checker check;
    const auto text = check.text("comment", note, max_text);
    return mutate(ctx_, actor_id, id, action::reopen, expected_version,
                  [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                      check.throw_if_failed();
                      const auto from = t.status;
                      detail::move_status(tx, t, who.id, *lifecycle_target(action::reopen, from), now);
                      detail::record_comment(tx, t, who.id, text, false, now, true);
                      detail::record_event(tx, now, event_kind::ticket_status_changed, t.employee, t.id,
                                           detail::ticket_payload(t, who.id, {{"old_status", std::string{to_string(from)}}}));
                  });
}

ticket ticket_service::finalize(account_id actor_id, ticket_id id, std::optional<std::int64_t> expected_version) {
    const auto now = ctx_.time_source().now();
    return detail::in_write_transaction(ctx_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        auto t = require_ticket(tx, id);
        can(who, action::finalize, &t).enforce();
        check_version(t, expected_version);
        if (t.finalized) {
            return t; // already handed over: no second push (defect 13)
        }
        const auto before = t.version;
        t.finalized = true;
        detail::record_history(tx, t, who.id, now, "finalized");
        detail::record_event(tx, now, event_kind::ticket_finalized, t.employee, t.id, detail::ticket_payload(t, who.id));
        save(tx, t, before, now, expected_version);
        return t;
    });
}

comment ticket_service::add_comment(account_id actor_id, ticket_id id, std::string_view text, bool internal) {
    field_checker check;
    auto body = check.text("comment", text, max_text);
    check.throw_if_failed();
    comment added;
    mutate(ctx_, actor_id, id, internal ? action::comment_internal : action::comment_public, std::nullopt,
           [&](transaction& tx, const actor& who, ticket& t, time_point now) {
               const bool owner = t.employee == who.id;
               added = detail::record_comment(tx, t, who.id, body, internal, now, true);
               if (internal) {
                   return;
               }
               if (is_staff(who.actor_role) && !owner) {
                   detail::note_staff_response(t, now);
               }
               // The owner answering a Pending question puts the ticket back in work.
               const auto to = *lifecycle_target(action::comment_public, t.status);
               if (owner && to != t.status) {
                   detail::move_status(tx, t, who.id, to, now);
               }
               detail::record_event(tx, now, event_kind::comment_added, owner ? t.assigned_to : t.employee, t.id,
                                    detail::ticket_payload(t, who.id, {{"comment_id", std::to_string(added.id)}}));
           });
    return added;
}

attachment ticket_service::add_attachment(account_id actor_id, ticket_id id, const new_attachment& file) {
    field_checker check;
    const auto checked = check_file(check, file, ctx_.options());
    check.throw_if_failed();
    attachment added;
    std::vector<std::string> written;
    bool committing = false;
    try {
        mutate(ctx_, actor_id, id, action::add_attachment, std::nullopt,
               [&](transaction& tx, const actor& who, ticket& t, time_point now) {
                   remove_blobs(ctx_, written); // a re-run after a transient conflict starts clean
                   written.clear();
                   committing = false;
                   if (static_cast<std::int64_t>(tx.tickets().attachments(t.id).size()) >=
                       ctx_.options().max_attachments_per_ticket) {
                       throw error(errc::invalid_argument, "too many files",
                                   {{"attachments", {"This ticket already has the maximum number of files."}}});
                   }
                   added = store_file(ctx_, tx, t, checked, who.id, now, written);
                   committing = true; // from here a lost store may have committed: keep files (the safe side)
               });
    } catch (const error& e) {
        // A store lost during COMMIT may still have committed: the files then
        // stay (an orphan costs disk; a missing file would lose an attachment).
        if (!committing || e.code() != errc::storage_unavailable) {
            remove_blobs(ctx_, written);
        }
        throw;
    } catch (...) {
        remove_blobs(ctx_, written);
        throw;
    }
    return added;
}

std::pair<attachment, std::string> ticket_service::download(account_id actor_id, row_id attachment_id) {
    const auto meta = detail::in_read_transaction(ctx_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        auto a = tx.tickets().find_attachment(attachment_id);
        if (!a) {
            throw error(errc::not_found, "attachment not found");
        }
        const auto t = tx.tickets().find(a->ticket);
        const auto allowed = can(who, action::view, t ? &*t : nullptr);
        if (!allowed.allowed) {
            throw error(errc::not_found, "attachment not found");
        }
        return *a;
    });
    auto bytes = ctx_.blobs().get(meta.blob_key);
    if (!bytes) {
        throw error(errc::not_found, "the attachment's file is missing");
    }
    return {meta, std::move(*bytes)};
}

ticket_details ticket_service::get(account_id actor_id, ticket_id id) {
    return detail::in_read_transaction(ctx_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        const auto t = require_ticket(tx, id);
        can(who, action::view, &t).enforce();
        auto d = detail::load_details(tx, t, is_staff(who.actor_role));
        d.viewer = who;
        return d;
    });
}

ticket_details ticket_service::get_by_number(account_id actor_id, std::string_view number) {
    return detail::in_read_transaction(ctx_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        const auto t = tx.tickets().find_by_number(detail::trim(number));
        if (!t) {
            throw error(errc::not_found, "ticket not found");
        }
        can(who, action::view, &*t).enforce();
        auto d = detail::load_details(tx, *t, is_staff(who.actor_role));
        d.viewer = who;
        return d;
    });
}

namespace {
/// Who may list what: employees their own tickets, staff everything; the
/// queues are for staff only.
enum class list_scope { visible_to_actor, staff_queue };

ticket_list list_tickets(engine_context& ctx, account_id actor_id, const ticket_list_request& r, list_scope scope) {
    ticket_page_request request;
    request.filter = r.filter;
    request.order = detail::parse_ordering(r.ordering);
    const auto offset = detail::page_offset(r.page_number, r.page_size);
    const bool keyset_mode = r.cursor.has_value();
    if (keyset_mode) {
        if (!r.cursor->empty()) {
            request.after = detail::decode_cursor(*r.cursor, request.order);
        }
        request.with_count = false;
    } else {
        request.offset = offset;
    }
    request.limit = r.page_size;
    if (request.filter.search && detail::trim(*request.filter.search).empty()) {
        request.filter.search.reset(); // an empty search box filters nothing
    }
    // Text with no searchable word (only punctuation) matches no ticket.
    const bool unmatchable = request.filter.search && search_terms(*request.filter.search).empty();
    const ticket_list nothing{{}, keyset_mode ? std::nullopt : std::optional<std::int64_t>{0}, false,
                              !keyset_mode && r.page_number > 1, std::nullopt, {}};
    return detail::in_read_transaction(ctx, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        if (who.status != account_status::approved) {
            throw error(errc::permission_denied, "the account is not approved");
        }
        if (scope == list_scope::staff_queue && !is_staff(who.actor_role)) {
            throw error(errc::permission_denied, "only staff may use the ticket queues");
        }
        if (!is_staff(who.actor_role)) {
            // Employees see their own tickets only; asking for someone else's finds nothing.
            if (request.filter.employee && *request.filter.employee != who.id) {
                return nothing;
            }
            request.filter.employee = who.id;
        }
        if (unmatchable) {
            return nothing;
        }
        auto wanted = request;
        wanted.limit = request.limit + 1; // one extra row tells whether a next page exists
        auto out = to_list(tx.tickets().list(wanted), request, keyset_mode, r.page_number);
        out.people = detail::people_of(tx, out.results);
        out.viewer = who;
        return out;
    });
}

ticket_list staff_queue(engine_context& ctx, account_id actor_id, ticket_filter filter, std::int64_t page_number,
                        std::int64_t page_size) {
    ticket_list_request request;
    request.filter = std::move(filter);
    request.page_number = page_number;
    request.page_size = page_size;
    return list_tickets(ctx, actor_id, request, list_scope::staff_queue);
}
} // namespace

ticket_list ticket_service::list(account_id actor_id, const ticket_list_request& r) {
    return list_tickets(ctx_, actor_id, r, list_scope::visible_to_actor);
}

ticket_list ticket_service::new_queue(account_id actor_id, std::int64_t page_number, std::int64_t page_size) {
    ticket_filter filter;
    filter.statuses = {ticket_status::new_};
    return staff_queue(ctx_, actor_id, std::move(filter), page_number, page_size);
}

ticket_list ticket_service::open_queue(account_id actor_id, std::int64_t page_number, std::int64_t page_size) {
    ticket_filter filter;
    filter.statuses = {ticket_status::open};
    return staff_queue(ctx_, actor_id, std::move(filter), page_number, page_size);
}

ticket_list ticket_service::assigned_to_me(account_id actor_id, std::int64_t page_number, std::int64_t page_size) {
    ticket_filter filter;
    filter.assigned_to = actor_id;
    filter.statuses = {ticket_status::open, ticket_status::in_progress, ticket_status::on_hold, ticket_status::pending};
    return staff_queue(ctx_, actor_id, std::move(filter), page_number, page_size);
}

ticket_stats ticket_service::stats(account_id actor_id) {
    return detail::in_read_transaction(ctx_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        if (who.status != account_status::approved) {
            throw error(errc::permission_denied, "the account is not approved");
        }
        return tx.tickets().stats(is_staff(who.actor_role) ? std::nullopt : std::optional{who.id});
    });
}

std::vector<comment> ticket_service::comments(account_id actor_id, ticket_id id) {
    return detail::in_read_transaction(ctx_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        const auto t = require_ticket(tx, id);
        can(who, action::view, &t).enforce();
        return tx.tickets().comments(id, is_staff(who.actor_role));
    });
}

namespace {
/// Each distinct id of `rows` (by `id_of`), in first-seen order.
template <class Row, class IdOf>
std::vector<account_id> distinct_ids(const std::vector<Row>& rows, IdOf id_of) {
    std::vector<account_id> ids;
    for (const auto& row : rows) {
        const std::optional<account_id> id = id_of(row);
        if (id && std::find(ids.begin(), ids.end(), *id) == ids.end()) {
            ids.push_back(*id);
        }
    }
    return ids;
}
} // namespace

comment_thread ticket_service::comments_with_authors(account_id actor_id, ticket_id id) {
    return detail::in_read_transaction(ctx_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        const auto t = require_ticket(tx, id);
        can(who, action::view, &t).enforce();
        comment_thread out;
        out.comments = tx.tickets().comments(id, is_staff(who.actor_role));
        out.authors = detail::summaries_of(tx, distinct_ids(out.comments, [](const comment& c) { return c.author; }));
        return out;
    });
}

history_timeline ticket_service::history_with_actors(account_id actor_id, ticket_id id) {
    return detail::in_read_transaction(ctx_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        const auto t = require_ticket(tx, id);
        can(who, action::view, &t).enforce();
        history_timeline out;
        out.events = tx.tickets().history(id, is_staff(who.actor_role));
        out.actors = detail::summaries_of(tx, distinct_ids(out.events, [](const history_event& e) { return e.actor; }));
        return out;
    });
}

std::vector<history_event> ticket_service::history(account_id actor_id, ticket_id id) {
    return detail::in_read_transaction(ctx_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        const auto t = require_ticket(tx, id);
        can(who, action::view, &t).enforce();
        return tx.tickets().history(id, is_staff(who.actor_role));
    });
}

} // namespace helpdesk
