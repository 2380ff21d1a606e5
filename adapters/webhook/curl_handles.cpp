#include "curl_handles.hpp"

#include <helpdesk/error.hpp>

#include <mutex>
#include <string>

namespace helpdesk::webhook::detail {

void ensure_curl_initialized() {
    static std::once_flag once;
    static CURLcode result = CURLE_OK;
    std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (result != CURLE_OK) {
        throw error(errc::internal, std::string{"libcurl could not initialise: "} + curl_easy_strerror(result));
    }
}

easy_handle make_easy_handle() {
    ensure_curl_initialized();
    easy_handle handle{curl_easy_init()};
    if (!handle) {
        throw error(errc::internal, "libcurl could not create an easy handle");
    }
    return handle;
}

url_handle make_url_handle() {
    ensure_curl_initialized();
    url_handle handle{curl_url()};
    if (!handle) {
        throw error(errc::internal, "libcurl could not create a URL handle");
    }
    return handle;
}

void append_header(header_list& list, const char* line) {
    // curl_slist_append returns a new head, or null (leaving the old list intact) when out of memory.
    curl_slist* head = curl_slist_append(list.get(), line);
    if (head == nullptr) {
        throw error(errc::internal, "libcurl could not allocate a request header");
    }
    (void)list.release();
    list.reset(head);
}

} // namespace helpdesk::webhook::detail
