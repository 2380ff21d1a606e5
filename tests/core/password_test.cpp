#include <helpdesk/error.hpp>
#include <helpdesk/ports/random_source.hpp>
#include <helpdesk/security/password.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace {

using namespace helpdesk;
using helpdesk::testing::expect_error;

// Produced by Django 3.2's PBKDF2PasswordHasher for this password and salt.
constexpr std::string_view django_password = "Correct-Horse9!";
constexpr std::string_view django_salt = "seasalt1234abcd";
constexpr std::string_view django_260000 =
    "pbkdf2_sha256$260000$seasalt1234abcd$dvY8rLUyH4IaydxuDAove0INSPuQ1lL8knPDV4U/C/I=";
constexpr std::string_view django_1000 =
    "pbkdf2_sha256$1000$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=";

// Replays a fixed byte sequence, cycling; lets a test steer salt generation.
class scripted_random final : public random_source {
public:
    explicit scripted_random(std::vector<unsigned char> bytes) : bytes_(std::move(bytes)) {}
    void fill(std::span<unsigned char> out) override {
        for (auto& b : out) b = bytes_[next_++ % bytes_.size()];
    }

private:
    std::vector<unsigned char> bytes_;
    std::size_t next_ = 0;
};

class failing_random final : public random_source {
public:
    void fill(std::span<unsigned char>) override { throw error(errc::internal, "no entropy"); }
};

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string salt_of(const std::string& encoded) {
    const auto a = encoded.find('$');
    const auto b = encoded.find('$', a + 1);
    const auto c = encoded.find('$', b + 1);
    return encoded.substr(b + 1, c - b - 1);
}

} // namespace

TEST_CASE("Django's hashes verify") {
    CHECK(verify_password(django_password, django_260000));
    CHECK(verify_password(django_password, django_1000));
}

TEST_CASE("hash_password_with_salt reproduces Django exactly") {
    CHECK(hash_password_with_salt(django_password, django_salt, 260000) == django_260000);
    CHECK(hash_password_with_salt(django_password, django_salt, 1000) == django_1000);
}

TEST_CASE("a wrong password does not verify") {
    CHECK_FALSE(verify_password("Correct-Horse9", django_1000));
    CHECK_FALSE(verify_password("correct-Horse9!", django_1000));
    CHECK_FALSE(verify_password("", django_1000));
    CHECK_FALSE(verify_password("Correct-Horse9!!", django_1000));
}

TEST_CASE("tampered hashes are refused without throwing") {
    const std::string good(django_1000);
    // Each change alone must make verification fail.
    std::string other_salt = good;
    other_salt.replace(other_salt.find("seasalt"), 7, "seaSalt");
    std::string other_count = good;
    other_count.replace(other_count.find("$1000$"), 6, "$1001$");
    std::string other_digest = good;
    other_digest[other_digest.size() - 2] = other_digest[other_digest.size() - 2] == 'k' ? 'j' : 'k';

    for (const auto& encoded : {other_salt, other_count, other_digest}) {
        CAPTURE(encoded);
        CHECK_NOTHROW((void)verify_password(django_password, encoded));
        CHECK_FALSE(verify_password(django_password, encoded));
    }
}

TEST_CASE("malformed hashes are refused without throwing") {
    const std::vector<std::string> malformed = {
        "",
        "pbkdf2_sha256",
        "pbkdf2_sha256$1000$seasalt1234abcd",
        "pbkdf2_sha1$1000$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=",
        "argon2$1000$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=",
        "PBKDF2_SHA256$1000$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=",
        "pbkdf2_sha256$$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=",
        "pbkdf2_sha256$0$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=",
        "pbkdf2_sha256$-1000$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=",
        "pbkdf2_sha256$+1000$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=",
        "pbkdf2_sha256$1e3$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=",
        "pbkdf2_sha256$ 1000$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=",
        "pbkdf2_sha256$10000001$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=",
        "pbkdf2_sha256$99999999999999999999$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=",
        "pbkdf2_sha256$1000$$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=",
        "pbkdf2_sha256$1000$seasalt1234abcd$",
        "pbkdf2_sha256$1000$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk",
        "pbkdf2_sha256$1000$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk==",
        "pbkdf2_sha256$1000$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1G$=",
        "pbkdf2_sha256$1000$seasalt1234abcd$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=$",
    };
    for (const auto& encoded : malformed) {
        CAPTURE(encoded);
        CHECK_NOTHROW((void)verify_password(django_password, encoded));
        CHECK_FALSE(verify_password(django_password, encoded));
        CHECK_FALSE(password_hash_iterations(encoded).has_value());
    }
}

TEST_CASE("password_hash_iterations reads the stored count") {
    CHECK(password_hash_iterations(django_260000) == 260000);
    CHECK(password_hash_iterations(django_1000) == 1000);
    CHECK(password_hash_iterations(
              "pbkdf2_sha256$10000000$s$Dn5sUSjRVvbqNEWeIGVSgxp0ngJNw4IndZe96IsD1Gk=") == 10'000'000);
}

TEST_CASE("a fresh hash verifies and carries a 22-character salt") {
    auto random = secure_random();
    const auto encoded = hash_password(django_password, 1000, *random);
    CHECK(encoded.starts_with("pbkdf2_sha256$1000$"));
    const auto salt = salt_of(encoded);
    CHECK(salt.size() == 22);
    for (const char c : salt) CHECK(is_alnum(c));
    CHECK(verify_password(django_password, encoded));
    CHECK_FALSE(verify_password("Correct-Horse9?", encoded));
    CHECK(password_hash_iterations(encoded) == 1000);

    // Two hashes of one password differ (fresh salt each time).
    CHECK(hash_password(django_password, 1000, *random) != encoded);
}

TEST_CASE("salt generation skips bytes that would bias the alphabet") {
    // 248..255 are rejected; 0 -> 'a', 61 -> '9', 62 -> 'a' again, 247 -> '9'.
    scripted_random random({255, 248, 0, 250, 61, 62, 247});
    const auto salt = salt_of(hash_password("x", 1, random));
    CHECK(salt == "a9a9a9a9a9a9a9a9a9a9a9");
}

TEST_CASE("hashing refuses bad arguments") {
    auto random = secure_random();
    (void)expect_error(errc::invalid_argument, [&] { (void)hash_password("pw", 0, *random); });
    (void)expect_error(errc::invalid_argument, [&] { (void)hash_password("pw", -5, *random); });
    (void)expect_error(errc::invalid_argument, [&] { (void)hash_password_with_salt("pw", "", 1000); });
    (void)expect_error(errc::invalid_argument, [&] { (void)hash_password_with_salt("pw", "a$b", 1000); });
    (void)expect_error(errc::invalid_argument, [&] { (void)hash_password_with_salt("pw", "salt", 0); });

    failing_random broken;
    (void)expect_error(errc::internal, [&] { (void)hash_password("pw", 1000, broken); });
}

TEST_CASE("secure_random fills the whole buffer") {
    auto random = secure_random();
    std::vector<unsigned char> a(64), b(64);
    random->fill(a);
    random->fill(b);
    CHECK(a != b);
    random->fill(std::span<unsigned char>{}); // an empty span is fine
}

TEST_CASE("password_weakness accepts a strong password") {
    CHECK_FALSE(password_weakness("Correct-Horse9!").has_value());
    CHECK_FALSE(password_weakness("Aa1!aaaa").has_value());
    CHECK_FALSE(password_weakness("Pässwört 1x").has_value()); // non-ASCII counts as a symbol
}

TEST_CASE("password_weakness names what is missing") {
    struct weak_case {
        std::string_view password;
        std::string_view missing;
    };
    const weak_case cases[] = {
        {"Aa1!aaa", "at least 8 characters"},
        {"aa1!aaaa", "an upper-case letter"},
        {"AA1!AAAA", "a lower-case letter"},
        {"Aa!!aaaa", "a digit"},
        {"Aa1aaaaa", "a symbol"},
        {"Aa1 aaa", "at least 8 characters"},
        // Seven code points, though nine bytes in UTF-8.
        {"Aa1!aaé", "at least 8 characters"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.password);
        const auto why = password_weakness(c.password);
        REQUIRE(why.has_value());
        CHECK(why->find(c.missing) != std::string::npos);
    }

    const auto everything = password_weakness("");
    REQUIRE(everything.has_value());
    CHECK(*everything ==
          "Password needs at least 8 characters, an upper-case letter, a lower-case letter, a digit "
          "and a symbol.");
    CHECK(password_weakness("abcdefgh") ==
          std::optional<std::string>("Password needs an upper-case letter, a digit and a symbol."));
}
