#include "services/tickets/ticket_input.hpp"

#include "services/content_sniffer.hpp"

#include <algorithm>

namespace helpdesk::detail {
namespace {

std::string base_name(std::string_view name) {
    const auto slash = name.find_last_of("/\\");
    return std::string{trim(slash == std::string_view::npos ? name : name.substr(slash + 1))};
}

bool valid_idempotency_key(std::string_view key) {
    return !key.empty() && key.size() <= 255 &&
           std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < 0x7F; });
}

} // namespace

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
    } else if (auto type = sniff_attachment_type(file.bytes, out.file_name)) {
        out.content_type = std::move(*type);
    } else {
        check.fail("attachments",
                   "The file '" + out.file_name + "' is not an allowed type (png, jpeg, pdf, doc, docx, xls, xlsx, csv).",
                   errc::unsupported_media_type);
    }
    return out;
}

checked_ticket check_new_ticket(const create_ticket_request& r, std::optional<std::string_view> idempotency_key,
                                const engine_options& options, time_point now) {
    field_checker check;
    check.forbidden("status", r.status.has_value(), "The status is set by the help desk, not by the requester.");
    check.forbidden("priority", r.priority.has_value(), "The priority is set by staff at approval.");
    check.forbidden("department", r.department.has_value(), "The department is set by staff at approval.");
    check.forbidden("assigned_to", r.assigned_to.has_value(), "Tickets are assigned by staff.");
    checked_ticket out;
    auto& t = out.fields;
    t.subject = check.titled_text("subject", r.subject, 255);
    t.category = check_category_name(check, "category", r.category);
    t.sub_category = check_category_name(check, "sub_category", r.sub_category);
    t.description = check.text("description", r.description, max_ticket_text);
    check_category_pair(check, t.category, t.sub_category, options.choices);
    if (r.scheduled_date && !trim(*r.scheduled_date).empty()) {
        t.scheduled_date = parse_iso_date(trim(*r.scheduled_date));
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
    for (const auto& file : r.attachments) {
        out.files.push_back(check_file(check, file, options));
    }
    if (idempotency_key && !valid_idempotency_key(*idempotency_key)) {
        check.fail("idempotency_key", "Must be 1 to 255 printable ASCII characters.");
    }
    check.throw_if_failed();
    return out;
}

std::optional<priority> check_priority(field_checker& check, std::string_view text) {
    const auto level = parse_priority(trim(text));
    if (!level) {
        check.fail("priority", "Select a valid choice.");
    }
    return level;
}

std::string check_department(field_checker& check, std::string_view text, const catalog& choices) {
    std::string department{trim(text)};
    if (!choices.has_department(department)) {
        check.fail("department", "Select a valid choice.");
    }
    return department;
}

std::string check_category_name(field_checker& check, const std::string& field, std::string_view text) {
    return check.line(field, text, 100);
}

void check_category_pair(field_checker& check, std::string_view category, std::string_view sub_category,
                         const catalog& choices) {
    if (!category.empty() && !choices.has_category(category)) {
        check.fail("category", "Select a valid choice.");
    } else if (!category.empty() && !sub_category.empty() && !choices.has_pair(category, sub_category)) {
        check.fail("sub_category", "This sub-category does not belong to the chosen category.");
    }
}

std::optional<std::string> optional_note(field_checker& check, std::optional<std::string_view> note) {
    if (!note || trim(*note).empty()) {
        return std::nullopt;
    }
    return check.text("comment", *note, max_ticket_text);
}

ticket_status parse_target_status(std::string_view text) {
    const auto parsed = parse_ticket_status(trim(text));
    if (!parsed) {
        throw error(errc::invalid_argument, "unknown status", {{"status", {"Select a valid choice."}}});
    }
    return *parsed;
}

} // namespace helpdesk::detail
