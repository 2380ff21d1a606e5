#pragma once

#include <curl/curl.h>

#include <memory>

namespace helpdesk::webhook::detail {

/// Runs `curl_global_init` once per process (libcurl wants it before any
/// other call, and it is not safe to race). Throws `error{internal}` when it
/// fails. Thread-safe.
void ensure_curl_initialized();

/// Frees an easy handle.
struct easy_deleter {
    void operator()(CURL* handle) const noexcept { curl_easy_cleanup(handle); }
};
/// Frees a header list.
struct slist_deleter {
    void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};
/// Frees a parsed URL.
struct url_deleter {
    void operator()(CURLU* url) const noexcept { curl_url_cleanup(url); }
};
/// Frees a string libcurl allocated.
struct curl_string_deleter {
    void operator()(char* text) const noexcept { curl_free(text); }
};

/// An owned easy handle; one thread at a time.
using easy_handle = std::unique_ptr<CURL, easy_deleter>;
/// An owned header list.
using header_list = std::unique_ptr<curl_slist, slist_deleter>;
/// An owned parsed URL.
using url_handle = std::unique_ptr<CURLU, url_deleter>;
/// An owned string from libcurl.
using curl_string = std::unique_ptr<char, curl_string_deleter>;

/// A fresh easy handle (initialising libcurl first if needed). Throws
/// `error{internal}` when libcurl cannot make one.
[[nodiscard]] easy_handle make_easy_handle();

/// A fresh, empty parsed-URL handle. Throws `error{internal}` when libcurl
/// cannot make one.
[[nodiscard]] url_handle make_url_handle();

/// Appends `line` (`Name: value`) to `list`. Throws `error{internal}` when
/// libcurl cannot allocate.
void append_header(header_list& list, const char* line);

} // namespace helpdesk::webhook::detail
