// The MIME pieces of the SMTP adapter, checked against the test-side decoder
// (mime_reader), without a server.

#include "escaping.hpp"
#include "mime.hpp"
#include "mime_reader.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>

using namespace helpdesk::smtp::detail;
using smtptest::decode_quoted_printable;
using smtptest::decode_words;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find("\r\n", start);
        REQUIRE_MESSAGE(end != std::string::npos, "a line without CRLF in: " << text);
        out.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return out;
}

helpdesk::time_point at(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
    using namespace std::chrono;
    return helpdesk::time_point{sys_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm} + seconds{ss}};
}

} // namespace

TEST_CASE("quoted-printable keeps lines short, escapes what it must and decodes back") {
    const std::string text = "Grüße = 100 % sure, trailing blank \n" + std::string(200, 'x') + "\nend\t\n\nlast";
    const auto encoded = quoted_printable(text);
    for (const auto& line : lines_of(encoded)) {
        CHECK(line.size() <= 76);
        CHECK((line.empty() || (line.back() != ' ' && line.back() != '\t')));
        for (const char c : line) {
            CHECK(static_cast<unsigned char>(c) < 0x80);
        }
    }
    CHECK(encoded.find("Gr=C3=BC=C3=9Fe =3D 100 % sure") == 0);
    CHECK(encoded.find("blank=20\r\n") != std::string::npos); // a trailing blank survives transport
    CHECK(encoded.find("end=09\r\n") != std::string::npos);
    CHECK(encoded.find("=_") == std::string::npos);
    CHECK(decode_quoted_printable(encoded) == text + "\n");
}

TEST_CASE("quoted-printable turns LF and CRLF line ends into CRLF") {
    CHECK(quoted_printable("a\nb\r\nc") == "a\r\nb\r\nc\r\n");
    CHECK(quoted_printable("a\n") == "a\r\n");
    CHECK(quoted_printable("") == "\r\n");
}

TEST_CASE("base64 matches RFC 4648's test vectors") {
    CHECK(base64("") == "");
    CHECK(base64("f") == "Zg==");
    CHECK(base64("fo") == "Zm8=");
    CHECK(base64("foo") == "Zm9v");
    CHECK(base64("foob") == "Zm9vYg==");
    CHECK(base64("fooba") == "Zm9vYmE=");
    CHECK(base64("foobar") == "Zm9vYmFy");
}

TEST_CASE("a short ASCII subject stays readable, anything else becomes RFC 2047 words") {
    CHECK(encode_unstructured("[TX0001] Ticket received") == "[TX0001] Ticket received");

    const std::string accented = "[TX0002] Drucker im Büro — défectueux 🖨";
    const auto encoded = encode_unstructured(accented);
    CHECK(encoded.rfind("=?UTF-8?B?", 0) == 0);
    CHECK(decode_words(encoded) == accented);

    const std::string long_ascii(150, 'a');
    const auto folded = encode_unstructured(long_ascii);
    const auto lines = lines_of(folded + "\r\n");
    CHECK(lines.size() > 1);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].size() + (i == 0 ? 9 : 0) <= 78); // "Subject: " on the first
        CHECK(lines[i].size() <= 75);
        if (i > 0) {
            CHECK(lines[i].front() == ' ');
        }
    }
    CHECK(decode_words(folded) == long_ascii);

    // Multi-byte characters are never cut between two words.
    std::string umlauts;
    for (int i = 0; i < 60; ++i) {
        umlauts += "ü";
    }
    const auto words = encode_unstructured(umlauts);
    CHECK(decode_words(words) == umlauts);
    std::size_t start = 0;
    while ((start = words.find("?B?", start)) != std::string::npos) {
        start += 3;
        const auto end = words.find("?=", start);
        const auto piece = smtptest::decode_base64(words.substr(start, end - start));
        CHECK(piece.size() % 2 == 0); // whole "ü"s only
    }
}

TEST_CASE("a line break in a header value cannot start a new header") {
    const auto subject = encode_unstructured("Hello\r\nBcc: victim@example.com\nX-Evil: 1");
    CHECK(subject.find('\r') == std::string::npos);
    CHECK(subject.find('\n') == std::string::npos);
    CHECK(subject == "Hello  Bcc: victim@example.com X-Evil: 1");

    const auto long_one = encode_unstructured(std::string(80, 'x') + "\r\nBcc: victim@example.com");
    for (const auto& line : lines_of(long_one + "\r\n")) {
        CHECK((line.front() == ' ' || line.rfind("=?UTF-8?B?", 0) == 0)); // only folds, no new field
    }

    const auto box = format_mailbox({"Eve\r\nBcc: victim@example.com", "eve@example.com>\r\nBcc: x@example.com"});
    CHECK(box.find('\n') == std::string::npos);
    CHECK(box == "\"Eve  Bcc: victim@example.com\" <eve@example.comBcc:x@example.com>");
    CHECK(header_safe("a\rb\nc\td\x7f") == "a b c d ");
}

TEST_CASE("mailboxes quote ASCII names and encode the others") {
    CHECK(format_mailbox({"", "a@example.com"}) == "<a@example.com>");
    CHECK(format_mailbox({"Erin Employee", "erin@example.com"}) == "\"Erin Employee\" <erin@example.com>");
    CHECK(format_mailbox({"Say \"hi\" \\o/", "a@example.com"}) == "\"Say \\\"hi\\\" \\\\o/\" <a@example.com>");
    const auto encoded = format_mailbox({"Zoë Ünal", "zoe@example.com"});
    CHECK(encoded.rfind("=?UTF-8?B?", 0) == 0);
    CHECK(decode_words(encoded) == "Zoë Ünal <zoe@example.com>");
    const auto long_name = format_mailbox({std::string(90, 'N'), "someone.with.a.long.address@example.com"});
    for (const auto& line : lines_of(long_name + "\r\n")) {
        CHECK(line.size() <= 72);
    }
    CHECK(decode_words(long_name).find(std::string(90, 'N')) == 0);
}

TEST_CASE("dates are RFC 5322 in UTC") {
    CHECK(format_date(at(2026, 3, 2, 9, 0, 0)) == "Mon, 02 Mar 2026 09:00:00 +0000");
    CHECK(format_date(at(1999, 12, 31, 23, 59, 59) + std::chrono::microseconds{999999}) ==
          "Fri, 31 Dec 1999 23:59:59 +0000");
    CHECK(format_date(at(2024, 2, 29, 0, 0, 1)) == "Thu, 29 Feb 2024 00:00:01 +0000");
}

TEST_CASE("the Message-ID depends on the event and the recipient only") {
    const auto t = at(2026, 3, 2, 9, 0, 0);
    const auto id = make_message_id(42, t, "erin@example.com", "desk@mail.example.com");
    CHECK(id.front() == '<');
    CHECK(id.back() == '>');
    CHECK(id.rfind("<hd.42.", 0) == 0);
    CHECK(id.find("@mail.example.com>") != std::string::npos);
    CHECK(make_message_id(42, t, "erin@example.com", "desk@mail.example.com") == id);
    CHECK(make_message_id(42, t, "ERIN@example.com", "desk@mail.example.com") == id);
    CHECK(make_message_id(42, t, "fred@example.com", "desk@mail.example.com") != id);
    CHECK(make_message_id(43, t, "erin@example.com", "desk@mail.example.com") != id);
    CHECK(make_message_id(1, t, "a@b", "no-at-sign").find("@helpdesk.invalid>") != std::string::npos);
}

TEST_CASE("HTML escaping and URL encoding") {
    CHECK(html_escape("<script>alert(\"x\" & 'y')</script>") ==
          "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
    CHECK(html_escape("Grüße") == "Grüße");
    CHECK(url_encode("TX0001") == "TX0001");
    CHECK(url_encode("a b/c?d&e=f#g%ü~._-") == "a%20b%2Fc%3Fd%26e%3Df%23g%25%C3%BC~._-");
}

TEST_CASE("a rendered message has both parts, the headers and a boundary the bodies cannot contain") {
    mime_message m;
    m.from = {"Acme Help Desk", "desk@example.com"};
    m.to = {"Zoë Ünal", "zoe@example.com"};
    m.subject = "Grüße: --=_hd_ tricky";
    m.date = at(2026, 3, 2, 9, 0, 0);
    m.message_id = make_message_id(7, m.date, m.to.address, m.from.address);
    m.text = "Hello Zoë,\n--=_hd_0000000000000000\nline starting with a boundary look-alike\n.\nFrom here\n";
    m.html = "<p>Hello Zoë</p>";
    const auto raw = render_message(m);

    CHECK(raw.find("\r\n\r\n") != std::string::npos);
    CHECK(smtptest::header_names(raw) ==
          std::vector<std::string>{"From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Auto-Submitted",
                                   "Content-Type"});
    CHECK(smtptest::header(raw, "Date") == "Mon, 02 Mar 2026 09:00:00 +0000");
    CHECK(smtptest::header(raw, "Message-ID") == m.message_id);
    CHECK(decode_words(smtptest::header(raw, "Subject")) == m.subject);
    CHECK(decode_words(smtptest::header(raw, "To")) == "Zoë Ünal <zoe@example.com>");
    const auto parts = smtptest::parts(raw);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].header("Content-Type") == "text/plain; charset=UTF-8");
    CHECK(parts[0].header("Content-Transfer-Encoding") == "quoted-printable");
    CHECK(parts[0].body + "\n" == m.text); // the last line break belongs to the boundary (RFC 2046)
    CHECK(parts[1].header("Content-Type") == "text/html; charset=UTF-8");
    CHECK(parts[1].body == m.html);
    for (const auto& line : lines_of(raw)) {
        CHECK(line.size() <= 78);
    }
}
