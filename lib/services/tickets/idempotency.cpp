#include "services/tickets/idempotency.hpp"

#include "security/tokens.hpp"

namespace helpdesk::detail {

std::string request_fingerprint(const create_ticket_request& r) {
    // Each part is length-prefixed, so no two requests share a material.
    std::string material;
    for (const auto* part : {&r.subject, &r.category, &r.sub_category, &r.description}) {
        material += std::to_string(part->size()) + ":" + *part;
    }
    material.append(r.scheduled_date ? "d" : "-").append(r.scheduled_date.value_or(""));
    for (const auto& file : r.attachments) {
        material.append("f").append(std::to_string(file.file_name.size())).append(":").append(file.file_name);
        material.append(sha256_hex(file.bytes));
    }
    return sha256_hex(material);
}

} // namespace helpdesk::detail
