#include <helpdesk/error.hpp>

#include "http/multipart.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

namespace {

using namespace helpdesk;
using namespace helpdesk::server;
using namespace std::string_literals;

constexpr std::string_view content_type = "multipart/form-data; boundary=XyZ";

// The detail of the invalid_argument error, or "" when parsing succeeds.
std::string refusal(std::string_view ct, std::string_view body, const multipart_limits& limits = {}) {
    try {
        (void)parse_multipart(ct, body, limits);
        return "";
    } catch (const error& e) {
        CHECK(e.code() == errc::invalid_argument);
        return e.what();
    }
}

bool contains(const std::string& text, std::string_view needle) { return text.find(needle) != std::string::npos; }

std::string field(std::string_view name, std::string_view value, std::string_view boundary = "XyZ") {
    return "--"s.append(boundary) + "\r\nContent-Disposition: form-data; name=\"" + std::string(name) + "\"\r\n\r\n" +
           std::string(value) + "\r\n";
}

std::string close(std::string_view boundary = "XyZ") { return "--"s.append(boundary) + "--\r\n"; }

/// A body the parser must refuse, and a phrase its refusal must contain.
struct refused_body {
    std::string body;
    std::string says;
};

/// Checks that each body is refused (with content_type) with its phrase.
void check_refusals(const std::vector<refused_body>& cases) {
    for (const auto& c : cases) {
        CAPTURE(c.body);
        CHECK(contains(refusal(content_type, c.body), c.says));
    }
}

} // namespace

TEST_CASE("multipart: fields and a file come back in order") {
    const std::string body = field("subject", "Printer on fire") +
                             "--XyZ\r\n"
                             "Content-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                             "Content-Type: application/pdf\r\n"
                             "\r\n"
                             "%PDF-1.7 bytes\r\n" +
                             field("priority", "High") + close();
    const auto parts = parse_multipart(content_type, body);
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].name == "subject");
    CHECK(parts[0].body == "Printer on fire");
    CHECK_FALSE(parts[0].file_name.has_value());
    CHECK(parts[0].content_type == "text/plain");
    CHECK(parts[1].name == "file");
    REQUIRE(parts[1].file_name.has_value());
    CHECK(*parts[1].file_name == "report.pdf");
    CHECK(parts[1].content_type == "application/pdf");
    CHECK(parts[1].body == "%PDF-1.7 bytes");
    CHECK(parts[2].name == "priority");
    CHECK(parts[2].body == "High");
}

TEST_CASE("multipart: the Content-Type header is read case-insensitively, quoted or not") {
    const auto body = field("a", "1") + close();
    for (const auto* ct : {"multipart/form-data; boundary=XyZ", "Multipart/Form-Data; BOUNDARY=XyZ",
                           "multipart/form-data; boundary=\"XyZ\"", "multipart/form-data;boundary=XyZ",
                           "multipart/form-data; charset=utf-8; boundary=XyZ", "multipart/form-data; boundary = XyZ ;",
                           "  multipart/form-data  ; boundary=XyZ"}) {
        CAPTURE(ct);
        const auto parts = parse_multipart(ct, body);
        REQUIRE(parts.size() == 1);
        CHECK(parts[0].body == "1");
    }
    // The boundary itself is case-sensitive.
    CHECK(refusal("multipart/form-data; boundary=xyz", body) != "");
}

TEST_CASE("multipart: a quoted boundary may hold characters a token cannot") {
    const std::string boundary = "a b:c=d?e";
    const auto body = field("x", "y", boundary) + close(boundary);
    const auto parts = parse_multipart("multipart/form-data; boundary=\"a b:c=d?e\"", body);
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].body == "y");
}

TEST_CASE("multipart: a browser-style boundary works") {
    const std::string boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
    const auto body = field("x", "y", boundary) + close(boundary);
    const auto parts = parse_multipart("multipart/form-data; boundary=" + boundary, body);
    REQUIRE(parts.size() == 1);
}

TEST_CASE("multipart: is_multipart_form") {
    CHECK(is_multipart_form("multipart/form-data; boundary=x"));
    CHECK(is_multipart_form("MULTIPART/FORM-DATA"));
    CHECK(is_multipart_form(" multipart/form-data ;boundary=x"));
    CHECK_FALSE(is_multipart_form("application/json"));
    CHECK_FALSE(is_multipart_form("multipart/mixed; boundary=x"));
    CHECK_FALSE(is_multipart_form("multipart/form-datax"));
    CHECK_FALSE(is_multipart_form(""));
}

TEST_CASE("multipart: a missing or invalid boundary is refused") {
    const auto body = field("a", "1") + close();
    CHECK(contains(refusal("multipart/form-data", body), "no boundary"));
    CHECK(contains(refusal("multipart/form-data; charset=utf-8", body), "no boundary"));
    CHECK(contains(refusal("multipart/form-data; boundary=", body), "malformed"));
    CHECK(contains(refusal("multipart/form-data; boundary=\"\"", body), "1 to 70"));
    CHECK(contains(refusal("multipart/form-data; boundary=\"" + std::string(71, 'b') + "\"", body), "1 to 70"));
    CHECK(contains(refusal("multipart/form-data; boundary=" + std::string(71, 'b'), body), "1 to 70"));
    CHECK(contains(refusal("multipart/form-data; boundary=\"ab \"", body), "space"));
    CHECK(contains(refusal("multipart/form-data; boundary=\"a@b\"", body), "character"));
    CHECK(contains(refusal("multipart/form-data; boundary=\"abc", body), "unterminated"));
    CHECK(contains(refusal("multipart/form-data; boundary=a; boundary=b", body), "repeats"));
    CHECK(contains(refusal("application/json; boundary=XyZ", body), "not multipart/form-data"));
    CHECK(contains(refusal("multipart/mixed; boundary=XyZ", body), "not multipart/form-data"));
    // 70 characters is the maximum and still works.
    const std::string b70(70, 'b');
    CHECK(parse_multipart("multipart/form-data; boundary=" + b70, field("a", "1", b70) + close(b70)).size() == 1);
}

TEST_CASE("multipart: a truncated body or a missing closing delimiter is refused") {
    const auto full = field("a", "1") + close();
    CHECK(contains(refusal(content_type, field("a", "1")), "closing delimiter"));
    CHECK(contains(refusal(content_type, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhalf"),
                   "closing delimiter"));
    CHECK(contains(refusal(content_type, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"),
                   "not terminated"));
    CHECK(contains(refusal(content_type, "--XyZ\r\nContent-Disp"), "not terminated"));
    CHECK(contains(refusal(content_type, field("a", "1") + "--XyZ"), "closing delimiter"));
    CHECK(contains(refusal(content_type, field("a", "1") + "--XyZ-"), "closing delimiter"));
    CHECK(refusal(content_type, "") != "");
    CHECK(refusal(content_type, "--XyZ") != "");
    CHECK(contains(refusal(content_type, "no delimiter here at all"), "no delimiter"));
    for (std::size_t cut = 0; cut + 1 < full.size() - 2; ++cut) {
        CAPTURE(cut);
        CHECK(refusal(content_type, full.substr(0, cut)) != "");
    }
    // The final CRLF after the close delimiter is optional.
    CHECK(parse_multipart(content_type, field("a", "1") + "--XyZ--").size() == 1);
}

TEST_CASE("multipart: a preamble and an epilogue are tolerated") {
    const auto body = "This is a preamble.\r\n--not-it\r\n" + field("a", "1") + close() + "epilogue --XyZ junk";
    const auto parts = parse_multipart(content_type, body);
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].body == "1");
}

TEST_CASE("multipart: transport padding after a delimiter is allowed") {
    const std::string body = "--XyZ  \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ \r\n"
                             "Content-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--XyZ--";
    const auto parts = parse_multipart(content_type, body);
    REQUIRE(parts.size() == 2);
    CHECK(parts[1].body == "2");
}

TEST_CASE("multipart: an empty form and empty values are fine") {
    CHECK(parse_multipart(content_type, "--XyZ--\r\n").empty());
    const auto parts = parse_multipart(content_type, field("a", "") + close());
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].body.empty());
}

TEST_CASE("multipart: a part without a usable Content-Disposition is refused") {
    check_refusals({
        {"--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--", "no Content-Disposition"},
        {"--XyZ\r\n\r\nx\r\n--XyZ--", "no Content-Disposition"},
        {"--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--", "no name"},
        {"--XyZ\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n--XyZ--", "no name"},
        {"--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--XyZ--", "no name"},
        {"--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--XyZ--", "not form-data"},
        {"--XyZ\r\nContent-Disposition: name=\"a\"\r\n\r\nx\r\n--XyZ--", "not form-data"},
        {"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"
         "Content-Disposition: form-data; name=\"b\"\r\n\r\nx\r\n--XyZ--",
         "more than one Content-Disposition"},
        {"--XyZ\r\nContent-Disposition: form-data; name=\"a\"; name=\"b\"\r\n\r\n"
         "x\r\n--XyZ--",
         "repeats"},
        {"--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--XyZ--", "unterminated"},
        {"--XyZ\r\nContent-Disposition: form-data; name\r\n\r\nx\r\n--XyZ--", "malformed"},
        {"--XyZ\r\nContent-Disposition: form-data name=a\r\n\r\nx\r\n--XyZ--", "not form-data"},
    });
}

TEST_CASE("multipart: bad header syntax is refused") {
    check_refusals({
        {"--XyZ\r\nContent-Disposition form-data; name=\"a\"\r\n\r\nx\r\n--XyZ--", "no colon"},
        {"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"
         "garbage line\r\n\r\nx\r\n--XyZ--",
         "no colon"},
        {"--XyZ\r\n: value\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n"
         "--XyZ--",
         "empty name"},
        {"--XyZ\r\nBad Name: v\r\nContent-Disposition: form-data; name=a\r\n\r\n"
         "x\r\n--XyZ--",
         "invalid character"},
        {"--XyZ\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\nx\r\n--XyZ--", "folding"},
        {"--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
         "Content-Type: text/plain\r\nContent-Type: image/png\r\n\r\nx\r\n--XyZ--",
         "more than one Content-Type"},
        {"--XyZ\r\nContent-Disposition: form-data; name=a\r\nX-Note: a\x01"
         "b\r\n\r\nx\r\n--XyZ--",
         "control character"},
    });
}

TEST_CASE("multipart: CR-only and LF-only line endings are refused") {
    const std::string lf = "--XyZ\nContent-Disposition: form-data; name=\"a\"\n\n1\n--XyZ--\n";
    CHECK(contains(refusal(content_type, lf), "CRLF"));
    const std::string cr = "--XyZ\rContent-Disposition: form-data; name=\"a\"\r\r1\r--XyZ--\r";
    CHECK(contains(refusal(content_type, cr), "CRLF"));
    // CRLF on the delimiter, bare LF inside the header block.
    const std::string mixed = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\nX-A: b\r\n\r\n1\r\n--XyZ--";
    CHECK(contains(refusal(content_type, mixed), "bare CR or LF"));
    const std::string mixed_cr = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\rX-A: b\r\n\r\n1\r\n--XyZ--";
    CHECK(contains(refusal(content_type, mixed_cr), "bare CR or LF"));
    // A body whose delimiters use bare LF never finds its closing delimiter.
    const std::string lf_inside = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\n--XyZ--\n";
    CHECK(contains(refusal(content_type, lf_inside), "closing delimiter"));
}

TEST_CASE("multipart: too many parts are refused") {
    std::string body;
    for (int i = 0; i < 4; ++i) body += field("f" + std::to_string(i), "v");
    body += close();
    CHECK(parse_multipart(content_type, body, {.max_parts = 4}).size() == 4);
    CHECK(contains(refusal(content_type, body, {.max_parts = 3}), "more than 3 parts"));
    std::string many;
    for (int i = 0; i < 33; ++i) many += field("f", "v");
    many += close();
    CHECK(contains(refusal(content_type, many), "more than 32 parts"));
}

TEST_CASE("multipart: oversized part headers are refused") {
    const std::string long_header = "X-Pad: " + std::string(9000, 'p') + "\r\n";
    const auto body = "--XyZ\r\nContent-Disposition: form-data; name=a\r\n" + long_header + "\r\nx\r\n--XyZ--";
    CHECK(contains(refusal(content_type, body), "exceed 8192 bytes"));
    CHECK(parse_multipart(content_type, body, {.max_parts = 32, .max_part_header_bytes = 10000}).size() == 1);
    // A header block that never ends is refused at the limit, whatever the body size.
    const auto endless = "--XyZ\r\nContent-Disposition: form-data; name=a\r\n" + std::string(100000, 'h');
    CHECK(contains(refusal(content_type, endless), "exceed"));
    // Exactly at the limit (block + blank line) is accepted.
    const std::string headers = "Content-Disposition: form-data; name=a\r\n";
    const auto exact = "--XyZ\r\n" + headers + "\r\nx\r\n--XyZ--";
    CHECK(parse_multipart(content_type, exact, {.max_parts = 32, .max_part_header_bytes = headers.size() + 2})
              .size() == 1);
    CHECK(refusal(content_type, exact, {.max_parts = 32, .max_part_header_bytes = headers.size() + 1}) != "");
}

TEST_CASE("multipart: boundary look-alikes inside a file stay in the file") {
    const std::string content = "--XyZ at line start without CRLF before\r\n"
                                "text --XyZ in the middle\r\n"
                                "\r\n--XyZX not a delimiter: extra char\r\n"
                                "\r\n--XyZ- half a close\r\n"
                                "\r\n--XyZ  trailing text after padding\r\n"
                                "\n--XyZ\n\r--XyZ\r\n--Xy\r\n-XyZ end";
    const auto body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n" + content +
                      "\r\n" + close();
    const auto parts = parse_multipart(content_type, body);
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].body == content);
}

TEST_CASE("multipart: binary bytes including NUL and CR LF survive") {
    std::string content;
    for (int i = 0; i < 256; ++i) content.push_back(static_cast<char>(i));
    content += "\r\n\r\n\0\0\r"s;
    content += content;
    const auto body = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"b.bin\"\r\n"
                      "Content-Type: application/octet-stream\r\n\r\n" +
                      content + "\r\n" + close();
    const auto parts = parse_multipart(content_type, body);
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].body.size() == content.size());
    CHECK(parts[0].body == content);
    CHECK(parts[0].content_type == "application/octet-stream");
}

TEST_CASE("multipart: file names are decoded") {
    const auto one = [](std::string_view disposition) {
        const auto body = "--XyZ\r\nContent-Disposition: " + std::string(disposition) + "\r\n\r\nx\r\n--XyZ--";
        const auto parts = parse_multipart(content_type, body);
        REQUIRE(parts.size() == 1);
        return parts[0].file_name;
    };
    CHECK(*one(R"(form-data; name="f"; filename="a \"quoted\" name.txt")") == "a \"quoted\" name.txt");
    CHECK(*one(R"(form-data; name="f"; filename="back\\slash.txt")") == "back\\slash.txt");
    CHECK(*one(R"(form-data; name="f"; filename=plain.txt)") == "plain.txt");
    CHECK(*one(R"(form-data; name="f"; filename="")") == "");
    CHECK(*one(R"(form-data; name="f"; filename*=UTF-8''%E2%82%AC%20rates.pdf)") == "\xE2\x82\xAC rates.pdf");
    CHECK(*one(R"(form-data; name="f"; filename*=utf-8'en'caf%C3%A9.txt)") == "caf\xC3\xA9.txt");
    // filename* wins over filename, in either order.
    CHECK(*one(R"(form-data; name="f"; filename="fallback.txt"; filename*=UTF-8''real.txt)") == "real.txt");
    CHECK(*one(R"(form-data; name="f"; filename*=UTF-8''real.txt; filename="fallback.txt")") == "real.txt");
    // Raw UTF-8 in a quoted filename (what browsers send) is kept as is.
    CHECK(*one("form-data; name=\"f\"; filename=\"\xC3\xA9t\xC3\xA9.png\"") == "\xC3\xA9t\xC3\xA9.png");
    CHECK_FALSE(one(R"(form-data; name="f")").has_value());
    // Parameter names are case-insensitive.
    CHECK(*one(R"(FORM-DATA; NAME="f"; FileName="x.txt")") == "x.txt");
}

TEST_CASE("multipart: a bad filename* is refused") {
    const auto bad = [](std::string_view disposition) {
        return refusal(content_type,
                       "--XyZ\r\nContent-Disposition: " + std::string(disposition) + "\r\n\r\nx\r\n--XyZ--");
    };
    CHECK(contains(bad(R"(form-data; name="f"; filename*=ISO-8859-1''caf%E9.txt)"), "UTF-8"));
    CHECK(contains(bad(R"(form-data; name="f"; filename*=UTF-8''caf%E9.txt)"), "not valid UTF-8"));
    CHECK(contains(bad(R"(form-data; name="f"; filename*=UTF-8''bad%zz)"), "invalid percent"));
    CHECK(contains(bad(R"(form-data; name="f"; filename*=UTF-8''trunc%4)"), "truncated"));
    CHECK(contains(bad(R"(form-data; name="f"; filename*=UTF-8''trunc%)"), "truncated"));
    CHECK(contains(bad(R"(form-data; name="f"; filename*=no-quotes)"), "charset'language'value"));
}

TEST_CASE("multipart: names keep escapes and the part's Content-Type is trimmed") {
    const auto body = "--XyZ\r\ncontent-disposition:form-data;name=\"a\\\"b\"\r\ncontent-type:   image/png  \r\n"
                      "Content-Transfer-Encoding: binary\r\n\r\nx\r\n--XyZ--";
    const auto parts = parse_multipart(content_type, body);
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].name == "a\"b");
    CHECK(parts[0].content_type == "image/png");
}

TEST_CASE("multipart: adversarial bodies parse in linear time") {
    // Many near-delimiters ("\r\n--XyZ" followed by a non-delimiter byte), and a body of boundary prefixes.
    std::string hostile;
    for (int i = 0; i < 200000; ++i) hostile += "\r\n--XyZx";
    std::string prefixes;
    for (int i = 0; i < 300000; ++i) prefixes += "\r\n--Xy";
    const auto start = std::chrono::steady_clock::now();
    for (const auto* content : {&hostile, &prefixes}) {
        const auto body = "--XyZ\r\nContent-Disposition: form-data; name=f\r\n\r\n" + *content + "\r\n--XyZ--";
        const auto parts = parse_multipart(content_type, body);
        REQUIRE(parts.size() == 1);
        CHECK(parts[0].body == *content);
    }
    // Long run of padding after a candidate delimiter, repeated.
    std::string padded;
    for (int i = 0; i < 50; ++i) padded += "\r\n--XyZ" + std::string(20000, ' ') + "x";
    const auto body = "--XyZ\r\nContent-Disposition: form-data; name=f\r\n\r\n" + padded + "\r\n--XyZ--";
    CHECK(parse_multipart(content_type, body).at(0).body == padded);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    MESSAGE("hostile multipart bodies: "
            << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms");
    CHECK(elapsed < std::chrono::seconds(5));
}
