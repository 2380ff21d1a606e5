// Attachments over HTTP (docs/product.md#attachments): uploads under `file` with type, size and
// count limits, downloads through signed URLs bound to path, user and
// expiry, sniffed content types, and an escaped Content-Disposition.
#include "api_checks.hpp"

#include "auth/signed_url.hpp"

#include <thread>

using namespace http_test;
using namespace http_test::routes;

namespace {

/// A multipart body with one file whose Content-Disposition parameters are
/// given verbatim (for file names the test client would not spell).
std::pair<std::string, std::string> raw_file_form(const std::string& disposition_params, const std::string& bytes) {
    const std::string boundary = "----files-test-boundary-91c3";
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; " + disposition_params +
                       "\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
    return {"multipart/form-data; boundary=" + boundary, body};
}

/// A file that sniffs as a PDF, `size` bytes long.
std::string pdf_of_size(std::size_t size) {
    auto bytes = tiny_pdf();
    bytes.resize(size, '%');
    return bytes;
}

/// Bytes that look like a DOCX package (a ZIP naming word/ parts).
std::string fake_docx() {
    return std::string{"PK\x03\x04", 4} + std::string(26, '\0') + "word/document.xml" + std::string(64, 'z');
}

template <class Fixture>
std::size_t attachment_count(Fixture& f, const std::string& ticket_id, const std::string& token) {
    const auto r = f.http().get("/api/tickets/" + ticket_id + "/", token);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.json().at("attachments").as_array().size();
}

std::string url_of(const boost::json::value& attachment) {
    return std::string{attachment.at("download_url").as_string()};
}

} // namespace

TEST_CASE_TEMPLATE("attachments: pdf, png, csv and docx are stored and downloaded with sniffed types and dispositions",
                   Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto t = f.ticket(alice);
    const auto path = "/api/tickets/" + id_of(t) + "/attachments/";

    boost::json::array files;
    for (const auto& file : std::vector<form_field>{{"file", tiny_pdf(), "report.pdf", "text/plain"},
                                                   {"file", tiny_png(), "shot.png", "application/pdf"}}) {
        auto added = web.post_form(path, {file}, alice.access);
        REQUIRE_MESSAGE(added.status == 201, added.body);
        REQUIRE(added.json().as_array().size() == 1);
        files.push_back(added.json().as_array()[0]);
    }
    CHECK(files[0].at("file_name").as_string() == "report.pdf");
    CHECK(files[0].at("content_type").as_string() == "application/pdf");
    CHECK(files[1].at("content_type").as_string() == "image/png");
    CHECK(files[0].at("ticket").as_int64() == t.at("id").as_int64());
    CHECK(files[0].at("uploaded_by").as_int64() == alice.id);

    auto pdf = web.get(url_of(files[0]));
    REQUIRE_MESSAGE(pdf.status == 200, pdf.body);
    CHECK(pdf.body == tiny_pdf());
    CHECK(pdf.header("Content-Type") == "application/pdf");
    CHECK(pdf.header("Content-Disposition").starts_with("inline;"));
    CHECK(pdf.header("Content-Disposition").find("filename=\"report.pdf\"") != std::string::npos);
    CHECK(pdf.header("X-Content-Type-Options") == "nosniff");
    auto png = web.get(url_of(files[1]));
    REQUIRE(png.status == 200);
    CHECK(png.body == tiny_png());
    CHECK(png.header("Content-Type") == "image/png");
    CHECK(png.header("Content-Disposition").starts_with("inline;"));

    // Staff may add files too; types that are not shown inline download as attachments.
    boost::json::array others;
    for (const auto& file : std::vector<form_field>{{"file", "name,count\nalpha,1\n", "data.csv", "text/csv"},
                                                   {"file", fake_docx(), "letter.docx", "application/octet-stream"}}) {
        auto added = web.post_form(path, {file}, coordinator.access);
        REQUIRE_MESSAGE(added.status == 201, added.body);
        others.push_back(added.json().as_array()[0]);
    }
    CHECK(others[0].at("content_type").as_string() == "text/csv");
    CHECK(others[1].at("content_type").as_string() ==
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    // The staff member's signed URL is theirs; the owner fetches through the detail view.
    auto csv = web.get(url_of(others[0]));
    REQUIRE(csv.status == 200);
    CHECK(csv.body == "name,count\nalpha,1\n");
    CHECK(csv.header("Content-Type").starts_with("text/csv"));
    CHECK(csv.header("Content-Disposition").starts_with("attachment;"));
    auto docx = web.get(url_of(others[1]));
    REQUIRE(docx.status == 200);
    CHECK(docx.body == fake_docx());
    CHECK(docx.header("Content-Disposition").starts_with("attachment;"));

    const auto detail = web.get("/api/tickets/" + id_of(t) + "/", alice.access);
    REQUIRE(detail.status == 200);
    const auto listed = detail.json().at("attachments").as_array();
    REQUIRE(listed.size() == 4);
    for (const auto& a : listed) {
        const auto url = url_of(a);
        CHECK(param_of(url, "u") == id_of(alice));
        CHECK(web.get(url).status == 200);
    }
    // The history records each file.
    const auto history = web.get("/api/tickets/" + id_of(t) + "/history/", alice.access);
    CHECK(history.body.find("report.pdf") != std::string::npos);
}

TEST_CASE_TEMPLATE("attachments: disguised or disallowed types are refused and nothing is stored", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const auto t = f.ticket(alice);
    const auto sid = id_of(t);
    const auto path = "/api/tickets/" + sid + "/attachments/";

    const std::vector<form_field> refused_files{
        {"file", std::string{"MZ\x90\x00\x03\x00\x00\x00", 8} + "This program cannot be run in DOS mode", "setup.exe",
         "application/octet-stream"},
        {"file", std::string{"MZ\x90\x00", 4} + "payload", "invoice.pdf", "application/pdf"},
        {"file", "<html><script>alert(1)</script></html>", "page.png", "image/png"},
        {"file", "plain words", "notes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"file", std::string{"PK\x03\x04", 4} + "not office at all", "archive.docx", "application/zip"},
        {"file", std::string{"bin\x01\x02", 5}, "data.csv", "text/csv"},
        {"file", "GIF89a...", "anim.gif", "image/gif"},
        {"file", "", "empty.pdf", "application/pdf"},
    };
    for (const auto& file : refused_files) {
        CAPTURE(*file.file_name);
        const auto r = web.post_form(path, {file}, alice.access);
        // A type the desk does not take is 415 (docs/product.md#attachments); an empty file is bad input.
        const unsigned expected = file.value.empty() ? 400 : 415;
        check_error(r, expected, expected == 415 ? "unsupported_media_type" : "invalid_argument");
        CHECK(r.body.find("field_errors") != std::string::npos);
    }
    // A text field, no file at all, or JSON.
    check_field_error(web.post_form(path, {{"file", "just text"}}, alice.access), 400, "invalid_argument", "file");
    check_field_error(web.post_form(path, {{"other", tiny_pdf(), "a.pdf", "application/pdf"}}, alice.access), 400,
                      "invalid_argument", "file");
    check_field_error(web.post(path, {{"file", "x"}}, alice.access), 400, "invalid_argument", "file");
    check_error(web.send(http::verb::post, path, "file=x",
                         {{"Content-Type", "application/x-www-form-urlencoded"}, {"Authorization", "Bearer " + alice.access}}),
                415, "unsupported_media_type");
    CHECK(attachment_count(f, sid, alice.access) == 0);
}

TEST_CASE_TEMPLATE("attachments: who may add them, to which tickets", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const auto bob = f.account("Bob");
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto t = f.ticket(alice);
    const auto sid = id_of(t);
    const auto path = "/api/tickets/" + sid + "/attachments/";
    const std::vector<form_field> pdf{{"file", tiny_pdf(), "a.pdf", "application/pdf"}};

    check_error(web.post_form(path, pdf, bob.access), 404, "not_found");
    check_error(web.post_form(path, pdf), 401, "unauthenticated");
    check_error(web.post_form("/api/tickets/999999/attachments/", pdf, alice.access), 404, "not_found");
    CHECK(attachment_count(f, sid, alice.access) == 0);

    // Closed tickets take no more files.
    auto& tickets = f.desk().tickets();
    tickets.approve(coordinator.id, t.at("id").as_int64(), {});
    tickets.claim(coordinator.id, t.at("id").as_int64());
    tickets.update_status(coordinator.id, t.at("id").as_int64(), "Resolved");
    CHECK(web.post_form(path, pdf, alice.access).status == 201);
    tickets.close(alice.id, t.at("id").as_int64());
    check_error(web.post_form(path, pdf, alice.access), 409, "invalid_state");
    check_error(web.post_form(path, pdf, coordinator.access), 409, "invalid_state");
    CHECK(attachment_count(f, sid, alice.access) == 1);
}

TEST_CASE_TEMPLATE("attachments: the 10 MiB per file and 10 files per ticket limits", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const auto t = f.ticket(alice);
    const auto sid = id_of(t);
    const auto path = "/api/tickets/" + sid + "/attachments/";
    constexpr std::size_t mib = 1024 * 1024;

    auto too_big = web.post_form(path, {{"file", pdf_of_size(10 * mib + 1), "big.pdf", "application/pdf"}}, alice.access);
    // Under the HTTP upload limit (25 MiB), so the engine's 10 MiB rule answers
    // (413, docs/product.md#attachments).
    check_field_error(too_big, 413, "payload_too_large", "attachments");
    CHECK(attachment_count(f, sid, alice.access) == 0);
    auto at_limit = web.post_form(path, {{"file", pdf_of_size(10 * mib), "limit.pdf", "application/pdf"}}, alice.access);
    REQUIRE_MESSAGE(at_limit.status == 201, at_limit.body);
    CHECK(at_limit.json().as_array()[0].at("size").as_int64() == static_cast<std::int64_t>(10 * mib));
    CHECK(web.get(url_of(at_limit.json().as_array()[0])).body.size() == 10 * mib);

    for (int i = 2; i <= 10; ++i) {
        auto r = web.post_form(path, {{"file", tiny_pdf(), "f" + std::to_string(i) + ".pdf", "application/pdf"}},
                               alice.access);
        REQUIRE_MESSAGE(r.status == 201, r.body);
    }
    CHECK(attachment_count(f, sid, alice.access) == 10);
    const auto eleventh = web.post_form(path, {{"file", tiny_pdf(), "f11.pdf", "application/pdf"}}, alice.access);
    check_error(eleventh, 400, "invalid_argument");
    CHECK(eleventh.body.find("field_errors") != std::string::npos);
    CHECK(attachment_count(f, sid, alice.access) == 10);

    // Creating a ticket with 11 files is refused whole.
    std::vector<form_field> form{{"subject", "Many files"},
                                 {"category", "IT Category"},
                                 {"sub_category", "Technical Support & Troubleshooting"},
                                 {"description", "See attached."}};
    for (int i = 0; i < 11; ++i) {
        form.push_back({"attachments", tiny_pdf(), "p" + std::to_string(i) + ".pdf", "application/pdf"});
    }
    const auto crowded = web.post_form("/api/tickets/", form, alice.access);
    check_error(crowded, 400, "invalid_argument");
    CHECK(web.get("/api/tickets/", alice.access).number("count") == 1);
}

TEST_CASE_TEMPLATE("attachments: one file per request, so a refusal never leaves part of an upload stored", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const auto t = f.ticket(alice);
    const auto sid = id_of(t);
    const auto path = "/api/tickets/" + sid + "/attachments/";

    // A good file next to a bad one: refused whole, nothing stored.
    const auto mixed = web.post_form(path,
                                     {{"file", tiny_pdf(), "good.pdf", "application/pdf"},
                                      {"file", "MZ not allowed", "bad.exe", "application/octet-stream"}},
                                     alice.access);
    check_field_error(mixed, 400, "invalid_argument", "file");
    CHECK(attachment_count(f, sid, alice.access) == 0);
    const auto two_good = web.post_form(path,
                                        {{"file", tiny_pdf(), "one.pdf", "application/pdf"},
                                         {"file", tiny_pdf(), "two.pdf", "application/pdf"}},
                                        alice.access);
    check_field_error(two_good, 400, "invalid_argument", "file");
    CHECK(attachment_count(f, sid, alice.access) == 0);

    // Nine files, then two more in one request: the request fails and adds nothing.
    for (int i = 0; i < 9; ++i) {
        REQUIRE(web.post_form(path, {{"file", tiny_pdf(), "n" + std::to_string(i) + ".pdf", "application/pdf"}},
                              alice.access).status == 201);
    }
    const auto overflow = web.post_form(path,
                                        {{"file", tiny_pdf(), "ten.pdf", "application/pdf"},
                                         {"file", tiny_pdf(), "eleven.pdf", "application/pdf"}},
                                        alice.access);
    check_error(overflow, 400, "invalid_argument");
    CHECK(attachment_count(f, sid, alice.access) == 9);
    CHECK(web.post_form(path, {{"file", tiny_pdf(), "ten.pdf", "application/pdf"}}, alice.access).status == 201);
    CHECK(attachment_count(f, sid, alice.access) == 10);
}

TEST_CASE_TEMPLATE("attachments: the HTTP upload limit answers 413 before the body is read", Factory, HTTP_STORES) {
    server_fixture<Factory> f{[](helpdesk::server_options& o) { o.max_upload_body_bytes = 64 * 1024; }};
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const auto t = f.ticket(alice);
    const auto sid = id_of(t);
    auto r = web.post_form("/api/tickets/" + sid + "/attachments/",
                           {{"file", pdf_of_size(100 * 1024), "big.pdf", "application/pdf"}}, alice.access);
    check_error(r, 413, "payload_too_large");
    // Under the limit still works (on a new connection if the server closed that one).
    auto fresh = f.connect();
    auto small = fresh.post_form("/api/tickets/" + sid + "/attachments/",
                                 {{"file", pdf_of_size(10 * 1024), "small.pdf", "application/pdf"}}, alice.access);
    CHECK_MESSAGE(small.status == 201, small.body);
    CHECK(attachment_count(f, sid, alice.access) == 1);
    // Ticket creation is an upload route too.
    auto create = fresh.post_form("/api/tickets/",
                                  {{"subject", "Big"},
                                   {"category", "IT Category"},
                                   {"sub_category", "Technical Support & Troubleshooting"},
                                   {"description", "Big file."},
                                   {"attachments", pdf_of_size(100 * 1024), "big.pdf", "application/pdf"}},
                                  alice.access);
    check_error(create, 413, "payload_too_large");
    // JSON routes keep their own (1 MiB) limit: 413, not a malformed-request 400.
    auto fresh2 = f.connect();
    const auto comment = fresh2.post("/api/tickets/" + sid + "/comments/", {{"text", std::string(2 * 1024 * 1024, 'x')}},
                                     alice.access);
    check_error(comment, 413, "payload_too_large");
    auto fresh3 = f.connect();
    CHECK(fresh3.get("/api/tickets/" + sid + "/comments/", alice.access).body ==
          R"({"count":0,"next":null,"previous":null,"results":[]})");
}

TEST_CASE_TEMPLATE("Content-Disposition escapes quotes, semicolons and non-ASCII, and names with line breaks are refused",
                   Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const auto t = f.ticket(alice);
    const auto path = "/api/tickets/" + id_of(t) + "/attachments/";

    struct named {
        std::string params;   // as sent in the part's Content-Disposition
        std::string stored;   // the name the server keeps
    };
    const std::vector<named> names{
        {R"(filename="say \"hi\"; rm -rf.pdf")", R"(say "hi"; rm -rf.pdf)"},
        {"filename*=UTF-8''r%C3%A9sum%C3%A9%20%E2%80%94%20%E6%97%A5%E6%9C%AC.pdf", "résumé — 日本.pdf"},
        {"filename*=UTF-8''a%22b%3Bc%25e.pdf", "a\"b;c%e.pdf"},
        {R"(filename="C:\\Users\\me\\evil.pdf")", "evil.pdf"},
    };
    for (const auto& n : names) {
        CAPTURE(n.params);
        auto [type, body] = raw_file_form(n.params, tiny_pdf());
        auto added = web.send(http::verb::post, path, body, {{"Content-Type", type}, {"Authorization", "Bearer " + alice.access}});
        REQUIRE_MESSAGE(added.status == 201, added.body);
        const auto a = added.json().as_array()[0];
        CHECK(a.at("file_name").as_string() == n.stored);
        auto got = web.get(url_of(a));
        REQUIRE_MESSAGE(got.status == 200, got.body);
        CHECK(got.body == tiny_pdf());
        const auto header = got.header("Content-Disposition");
        CAPTURE(header);
        CHECK(header.starts_with("inline; filename=\""));
        CHECK(header.find_first_of("\r\n") == std::string::npos);
        // Exactly the two quotes that delimit the plain filename, and no
        // byte outside printable ASCII.
        CHECK(std::count(header.begin(), header.end(), '"') == 2);
        CHECK(std::all_of(header.begin(), header.end(), [](char c) { return c >= 0x20 && c < 0x7F; }));
        const auto plain_end = header.find('"', 18);
        REQUIRE(plain_end != std::string::npos);
        const auto plain = header.substr(18, plain_end - 18);
        CHECK(plain.find(';') == std::string::npos);
        CHECK(plain.find('\\') == std::string::npos);
        const auto star = header.find("; filename*=UTF-8''");
        REQUIRE(star != std::string::npos);
        CHECK(star == plain_end + 1);
        // filename* decodes back to the stored name.
        const auto encoded = header.substr(star + 19);
        std::string decoded;
        for (std::size_t i = 0; i < encoded.size(); ++i) {
            if (encoded[i] == '%' && i + 2 < encoded.size() + 1) {
                decoded.push_back(static_cast<char>(std::stoi(encoded.substr(i + 1, 2), nullptr, 16)));
                i += 2;
            } else {
                CHECK(encoded[i] != ';');
                CHECK(encoded[i] != ' ');
                decoded.push_back(encoded[i]);
            }
        }
        CHECK(decoded == n.stored);
    }
    // Quotes and semicolons become harmless in the plain name.
    auto [type, body] = raw_file_form(R"(filename="say \"hi\"; rm -rf.pdf")", tiny_pdf());
    auto added = web.send(http::verb::post, path, body, {{"Content-Type", type}, {"Authorization", "Bearer " + alice.access}});
    REQUIRE(added.status == 201);
    CHECK(web.get(url_of(added.json().as_array()[0])).header("Content-Disposition").starts_with(
        "inline; filename=\"say _hi__ rm -rf.pdf\"; filename*=UTF-8''say%20%22hi%22%3B%20rm%20-rf.pdf"));

    // Line breaks and other control characters cannot get into a stored name.
    const auto before = web.get("/api/tickets/" + id_of(t) + "/", alice.access).json().at("attachments").as_array().size();
    for (const std::string params : {"filename*=UTF-8''evil%0D%0ASet-Cookie%3A%20x%3D1.pdf",
                                     "filename*=UTF-8''tab%09name.pdf", "filename*=UTF-8''nul%00.pdf"}) {
        CAPTURE(params);
        auto [t2, b2] = raw_file_form(params, tiny_pdf());
        const auto r = web.send(http::verb::post, path, b2, {{"Content-Type", t2}, {"Authorization", "Bearer " + alice.access}});
        check_error(r, 400, "invalid_argument");
    }
    CHECK(web.get("/api/tickets/" + id_of(t) + "/", alice.access).json().at("attachments").as_array().size() == before);
}

TEST_CASE_TEMPLATE("download URLs are bound to their path, user and expiry", Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto alice = f.account("Alice");
    const auto bob = f.account("Bob");
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    const auto t = f.ticket(alice);
    auto added = web.post_form("/api/tickets/" + id_of(t) + "/attachments/",
                               {{"file", tiny_pdf(), "a.pdf", "application/pdf"}}, alice.access);
    REQUIRE_MESSAGE(added.status == 201, added.body);
    auto added_png = web.post_form("/api/tickets/" + id_of(t) + "/attachments/",
                                   {{"file", tiny_png(), "b.png", "image/png"}}, alice.access);
    REQUIRE_MESSAGE(added_png.status == 201, added_png.body);
    const auto url = url_of(added.json().as_array()[0]);
    const auto other_url = url_of(added_png.json().as_array()[0]);
    const auto path = path_of(url);
    REQUIRE(web.get(url).status == 200);
    // The link is the credential: a bearer token neither replaces nor is needed.
    CHECK(url.find("token") == std::string::npos);

    check_error(web.get(with_param(url, "sig", std::string(43, 'A'))), 401, "unauthenticated");
    auto flipped = param_of(url, "sig");
    flipped[0] = flipped[0] == 'A' ? 'B' : 'A';
    check_error(web.get(with_param(url, "sig", flipped)), 401, "unauthenticated");
    check_error(web.get(with_param(url, "sig", "")), 401, "unauthenticated");
    check_error(web.get(with_param(url, "u", id_of(bob))), 401, "unauthenticated");
    check_error(web.get(with_param(url, "u", "0" + id_of(alice))), 401, "unauthenticated");
    check_error(web.get(with_param(url, "exp", std::to_string(now_seconds() + 86400))), 401, "unauthenticated");
    check_error(web.get(path), 401, "unauthenticated");
    check_error(web.get(path, alice.access), 401, "unauthenticated");
    // One file's signature does not open another file.
    check_error(web.get(path_of(other_url) + url.substr(url.find('?'))), 401, "unauthenticated");
    // Expired links are refused even with a valid signature.
    const auto expired = path + "?" + helpdesk::server::sign_url_query(path, alice.id, now_seconds() - 1, test_secret);
    check_error(web.get(expired), 401, "unauthenticated");
    // A valid signature for Bob does not give Bob Alice's file; staff may read it.
    const auto as_bob = path + "?" + helpdesk::server::sign_url_query(path, bob.id, now_seconds() + 60, test_secret);
    check_error(web.get(as_bob), 404, "not_found");
    const auto as_staff = path + "?" + helpdesk::server::sign_url_query(path, coordinator.id, now_seconds() + 60, test_secret);
    CHECK(web.get(as_staff).body == tiny_pdf());
    // Signed with another secret.
    const auto forged = path + "?" + helpdesk::server::sign_url_query(path, alice.id, now_seconds() + 60,
                                                                       "another-secret-0123456789abcdef012345");
    check_error(web.get(forged), 401, "unauthenticated");
    // A missing attachment, properly signed.
    const std::string missing = "/api/attachments/999999/download/";
    check_error(web.get(missing + "?" + helpdesk::server::sign_url_query(missing, alice.id, now_seconds() + 60, test_secret)),
                404, "not_found");
    // A short-lived link really expires.
    server_fixture<Factory> quick{[](helpdesk::server_options& o) { o.signed_url_lifetime = std::chrono::seconds{1}; }};
    const auto carol = quick.account("Carol");
    const auto ct = quick.ticket(carol);
    auto q = quick.http().post_form("/api/tickets/" + id_of(ct) + "/attachments/",
                                    {{"file", tiny_pdf(), "a.pdf", "application/pdf"}}, carol.access);
    REQUIRE(q.status == 201);
    const auto short_url = url_of(q.json().as_array()[0]);
    CHECK(quick.http().get(short_url).status == 200);
    // Wait just past the link's expiry second.
    const auto expires = std::stoll(param_of(short_url, "exp"));
    while (now_seconds() <= expires) {
        std::this_thread::sleep_for(std::chrono::milliseconds{50});
    }
    check_error(quick.http().get(short_url), 401, "unauthenticated");
}
