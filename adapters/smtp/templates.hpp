#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::smtp::detail {

/// The person a message is for.
struct recipient {
    std::string first_name{};
    std::string last_name{};
    std::string email{};
};

/// "First Last", or whichever of the two is set.
[[nodiscard]] std::string display_name(const recipient& who);

/// What a ticket message says about the ticket, as the event recorded it.
struct ticket_facts {
    std::string number{};     ///< `TX0001`
    std::string subject{};
    std::string status{};     ///< after the change
    std::string old_status{}; ///< before it (`ticket.status_changed`)
    std::string priority{};
    std::string department{};
    std::string old_priority{};   ///< before staff changed it (`ticket.updated`)
    std::string old_department{}; ///< before staff changed it (`ticket.updated`)
    std::string reason{};     ///< why it was rejected
    std::string owner_name{}; ///< who raised it (the staff notice names them)
    std::optional<std::string> comment{}; ///< the public comment's text, when known
    std::string comment_author{};         ///< who wrote it, when known
    std::string sla_target{};  ///< `first_response` or `resolution` (SLA notices)
    std::string sla_due{};     ///< the target's due date, RFC 3339 (SLA notices)
    std::string closed_automatically_after{}; ///< "7 days" when the scheduler closed it (`ticket.closed`)
};

/// Everything one message is made from.
struct mail_request {
    std::string kind{};        ///< an `event_kind`
    recipient to{};
    bool to_owner = false;     ///< `ticket.created`: the owner's confirmation, not the staff notice
    ticket_facts ticket{};
    std::string reason{};      ///< `account.rejected`
    std::string role{};        ///< the account's role (`account.role_changed`)
    std::string secret{};      ///< the token for `account.created` and `password_reset.requested`
    std::string public_url{};  ///< front-end base, no trailing slash
    std::string desk_name{};   ///< how the desk signs (the From name)
};

/// Subject and both bodies of one message.
struct mail_content {
    std::string subject{};
    std::string text{};
    std::string html{};
};

/// True for the event kinds somebody hears of by email (docs/product.md#notifications).
[[nodiscard]] bool has_template(std::string_view kind) noexcept;

/// The message for `request`, or nullopt for a kind without a template.
/// Names, subjects and ticket fields are escaped in the HTML part and kept
/// raw in the text part; links are built from `public_url` with each path or
/// query piece percent-encoded.
[[nodiscard]] std::optional<mail_content> render_mail(const mail_request& request);

/// `{public_url}/tickets/{number}`.
[[nodiscard]] std::string ticket_link(std::string_view public_url, std::string_view ticket_number);

} // namespace helpdesk::smtp::detail
