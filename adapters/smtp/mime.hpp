#pragma once

#include <helpdesk/time.hpp>

#include <string>
#include <string_view>

namespace helpdesk::smtp::detail {

/// A display name and an address, as in `"Erin Employee" <erin@example.com>`.
struct mailbox {
    std::string name{};    ///< UTF-8; may be empty
    std::string address{}; ///< `local@domain`
};

/// One notification email: a `multipart/alternative` with a plain-text and an
/// HTML part.
struct mime_message {
    mailbox from{};
    mailbox to{};
    std::string subject{};    ///< UTF-8, one line (line breaks are flattened)
    time_point date{};
    std::string message_id{}; ///< `<…@…>`, see `make_message_id`
    std::string text{};       ///< UTF-8 plain text, `\n` line ends
    std::string html{};       ///< UTF-8 HTML document
};

/// RFC 2045 quoted-printable of UTF-8 text: lines end in CRLF, no line is
/// longer than 76 characters (soft breaks), trailing blanks are encoded, and
/// `=` never appears unescaped (so a boundary starting `=_` cannot occur).
[[nodiscard]] std::string quoted_printable(std::string_view text);

/// RFC 4648 base64 with padding, no line breaks.
[[nodiscard]] std::string base64(std::string_view bytes);

/// A header value for unstructured text (`Subject`): line breaks and other
/// controls become spaces; printable ASCII that fits one line is kept as is,
/// anything else becomes RFC 2047 `=?UTF-8?B?…?=` words (never splitting a
/// UTF-8 sequence) folded onto continuation lines.
[[nodiscard]] std::string encode_unstructured(std::string_view text);

/// `name <address>` for `From`/`To`: the name as an RFC 5322 quoted string
/// when ASCII, RFC 2047 words otherwise; line breaks, controls and angle
/// brackets are dropped from the address.
[[nodiscard]] std::string format_mailbox(const mailbox& box);

/// RFC 5322 date in UTC, e.g. `Mon, 02 Mar 2026 09:00:00 +0000`.
[[nodiscard]] std::string format_date(time_point t);

/// A Message-ID that depends only on the event and the recipient, so a
/// message sent again after a failure carries the same id and mail clients
/// can drop the duplicate: `<hd.{event id}.{created µs}.{hash of the
/// lower-cased recipient}@{domain of from}>`.
[[nodiscard]] std::string make_message_id(std::int64_t event_id, time_point created_at, std::string_view recipient,
                                          std::string_view from_address);

/// The whole message with CRLF line ends, ready for SMTP `DATA` (libcurl
/// does the dot-stuffing): headers `From`, `To`, `Subject`, `Date`,
/// `Message-ID`, `MIME-Version`, `Auto-Submitted`, then both parts, UTF-8 and
/// quoted-printable.
[[nodiscard]] std::string render_message(const mime_message& message);

} // namespace helpdesk::smtp::detail
