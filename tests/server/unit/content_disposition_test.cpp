#include "http/content_disposition.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using helpdesk::server::content_disposition;
using namespace std::string_literals;

TEST_CASE("content_disposition: a plain name, inline and attachment") {
    CHECK(content_disposition(true, "photo.png") == "inline; filename=\"photo.png\"; filename*=UTF-8''photo.png");
    CHECK(content_disposition(false, "report.xlsx") ==
          "attachment; filename=\"report.xlsx\"; filename*=UTF-8''report.xlsx");
}

TEST_CASE("content_disposition: spaces and RFC 5987 specials are percent-encoded in filename*") {
    CHECK(content_disposition(false, "my file (1).pdf") ==
          "attachment; filename=\"my file (1).pdf\"; filename*=UTF-8''my%20file%20%281%29.pdf");
    CHECK(content_disposition(false, "a'b*c=d,e") == "attachment; filename=\"a'b*c=d,e\"; filename*=UTF-8''a%27b%2Ac%3Dd%2Ce");
    CHECK(content_disposition(false, "!#$&+-.^_`|~") ==
          "attachment; filename=\"!#$&+-.^_`|~\"; filename*=UTF-8''!#$&+-.^_`|~");
}

TEST_CASE("content_disposition: quotes, backslashes, percent and semicolons never reach the fallback") {
    CHECK(content_disposition(false, "a\"b.txt") == "attachment; filename=\"a_b.txt\"; filename*=UTF-8''a%22b.txt");
    CHECK(content_disposition(false, "a\\b.txt") == "attachment; filename=\"a_b.txt\"; filename*=UTF-8''a%5Cb.txt");
    CHECK(content_disposition(false, "100%.txt") == "attachment; filename=\"100_.txt\"; filename*=UTF-8''100%25.txt");
    CHECK(content_disposition(false, "a;b.txt") == "attachment; filename=\"a_b.txt\"; filename*=UTF-8''a%3Bb.txt");
    CHECK(content_disposition(false, "\"; filename=\"evil.exe") ==
          "attachment; filename=\"__ filename=_evil.exe\"; filename*=UTF-8''%22%3B%20filename%3D%22evil.exe");
}

TEST_CASE("content_disposition: CR, LF and other control characters cannot inject headers") {
    const auto value = content_disposition(false, "a\r\nSet-Cookie: x=1\r\n.txt");
    CHECK(value.find('\r') == std::string::npos);
    CHECK(value.find('\n') == std::string::npos);
    CHECK(value == "attachment; filename=\"a__Set-Cookie: x=1__.txt\"; filename*=UTF-8''a__Set-Cookie%3A%20x%3D1__.txt");
    const auto controls = content_disposition(true, "t\tab\x01\x7F\0z"s);
    CHECK(controls == "inline; filename=\"t_ab___z\"; filename*=UTF-8''t_ab___z");
}

TEST_CASE("content_disposition: non-ASCII names get an ASCII fallback and exact UTF-8") {
    // "résumé.pdf": one '_' per character in the fallback.
    CHECK(content_disposition(false, "r\xC3\xA9sum\xC3\xA9.pdf") ==
          "attachment; filename=\"r_sum_.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf");
    // Euro sign (3 bytes) and an emoji (4 bytes).
    CHECK(content_disposition(true, "\xE2\x82\xAC\xF0\x9F\x98\x80.png") ==
          "inline; filename=\"__.png\"; filename*=UTF-8''%E2%82%AC%F0%9F%98%80.png");
    // Cyrillic only.
    CHECK(content_disposition(false, "\xD1\x84\xD0\xB0\xD0\xB9\xD0\xBB") ==
          "attachment; filename=\"____\"; filename*=UTF-8''%D1%84%D0%B0%D0%B9%D0%BB");
}

TEST_CASE("content_disposition: invalid UTF-8 bytes become '_' in both forms") {
    CHECK(content_disposition(false, "a\xFF" "b\xC3") == "attachment; filename=\"a_b_\"; filename*=UTF-8''a_b_");
    // Overlong encoding of '/' and a UTF-16 surrogate are not valid UTF-8.
    CHECK(content_disposition(false, "\xC0\xAFx\xED\xA0\x80") ==
          "attachment; filename=\"__x___\"; filename*=UTF-8''__x___");
}

TEST_CASE("content_disposition: an empty name becomes download") {
    CHECK(content_disposition(false, "") == "attachment; filename=\"download\"; filename*=UTF-8''download");
    CHECK(content_disposition(true, "") == "inline; filename=\"download\"; filename*=UTF-8''download");
}

TEST_CASE("content_disposition: the result is always printable ASCII") {
    std::string every_byte;
    for (int i = 0; i < 256; ++i) every_byte.push_back(static_cast<char>(i));
    const auto value = content_disposition(false, every_byte);
    for (const char c : value) {
        CAPTURE(static_cast<int>(static_cast<unsigned char>(c)));
        CHECK((c >= 0x20 && c < 0x7F));
    }
    // Exactly three quotes-delimited regions: the fallback's two quotes only.
    CHECK(std::count(value.begin(), value.end(), '"') == 2);
}
