#include <helpdesk/blob/directory_blob_store.hpp>
#include <helpdesk/blob/memory_blob_store.hpp>
#include <helpdesk/error.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace helpdesk;
using helpdesk::testing::expect_error;
namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed when the test ends.
class temp_dir {
public:
    temp_dir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() /
                ("helpdesk-blob-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
        fs::create_directories(path_);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    ~temp_dir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// The behaviour both stores share, run against each.
void check_blob_store_contract(blob_store& store) {
    SUBCASE("put then get returns the bytes, binary-safe") {
        const std::string bytes("\0\x01\xffhello\n", 9);
        store.put("abc-DEF_123", bytes);
        CHECK(store.get("abc-DEF_123") == bytes);
    }
    SUBCASE("empty blobs are kept") {
        store.put("empty", "");
        CHECK(store.get("empty") == std::string{});
    }
    SUBCASE("a missing key is nullopt") {
        CHECK_FALSE(store.get("missing").has_value());
    }
    SUBCASE("an existing key is a conflict and keeps the first bytes") {
        store.put("k", "first");
        (void)expect_error(errc::conflict, [&] { store.put("k", "second"); });
        CHECK(store.get("k") == "first");
    }
    SUBCASE("remove deletes, and removing twice or a bad key is harmless") {
        store.put("gone", "x");
        store.remove("gone");
        CHECK_FALSE(store.get("gone").has_value());
        store.remove("gone");
        store.remove("../gone");
        store.remove("");
        // The key is free again after removal.
        store.put("gone", "y");
        CHECK(store.get("gone") == "y");
    }
    SUBCASE("invalid keys are refused") {
        for (const std::string_view key : std::initializer_list<std::string_view>{"", "../x", "a/b", "..", ".", "x.tmp", "a b", "a\\b", "/etc/passwd", "é",
              std::string_view("a\0b", 3)}) {
            CAPTURE(key);
            (void)expect_error(errc::invalid_argument, [&] { store.put(key, "x"); });
            (void)expect_error(errc::invalid_argument, [&] { (void)store.get(key); });
        }
        (void)expect_error(errc::invalid_argument, [&] { store.put(std::string(129, 'a'), "x"); });
        store.put(std::string(128, 'a'), "x");
    }
    SUBCASE("concurrent puts of one key: exactly one wins") {
        std::vector<std::thread> threads;
        std::atomic<int> wins{0}, conflicts{0};
        for (int i = 0; i < 8; ++i)
            threads.emplace_back([&, i] {
                try {
                    store.put("race", std::to_string(i));
                    ++wins;
                } catch (const error& e) {
                    if (e.code() == errc::conflict) ++conflicts;
                }
            });
        for (auto& t : threads) t.join();
        CHECK(wins == 1);
        CHECK(conflicts == 7);
        CHECK(store.get("race").has_value());
    }
}

} // namespace

TEST_CASE("memory blob store") {
    auto store = memory_blob_store();
    check_blob_store_contract(*store);
}

TEST_CASE("directory blob store") {
    temp_dir dir;
    auto store = open_directory_blob_store(dir.path() / "blobs" / "nested");
    check_blob_store_contract(*store);

    // Only published blobs remain: no temporary file is left behind, and
    // nothing was written outside the store's directory.
    for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
        CAPTURE(entry.path());
        if (entry.is_regular_file()) {
            CHECK(entry.path().parent_path() == dir.path() / "blobs" / "nested");
            CHECK(entry.path().filename().string().find('.') == std::string::npos);
        }
    }
}

TEST_CASE("directory blob store keeps blobs on disk across instances") {
    temp_dir dir;
    open_directory_blob_store(dir.path())->put("kept", "payload");
    CHECK(fs::exists(dir.path() / "kept"));
    auto reopened = open_directory_blob_store(dir.path());
    CHECK(reopened->get("kept") == "payload");
    (void)expect_error(errc::conflict, [&] { reopened->put("kept", "other"); });
}

TEST_CASE("directory blob store refuses a root that is a file") {
    temp_dir dir;
    const auto file = dir.path() / "plain-file";
    open_directory_blob_store(dir.path())->put("plain-file", "x");
    (void)expect_error(errc::storage_unavailable, [&] { (void)open_directory_blob_store(file); });
}

TEST_CASE("temporary directories are cleaned up") {
    fs::path remembered;
    {
        temp_dir dir;
        remembered = dir.path();
        open_directory_blob_store(dir.path())->put("x", "y");
        CHECK(fs::exists(remembered / "x"));
    }
    CHECK_FALSE(fs::exists(remembered));
}
