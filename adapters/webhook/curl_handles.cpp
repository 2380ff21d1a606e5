#include "curl_handles.hpp"

#include <helpdesk/error.hpp>

#include <mutex>
#include <string>
#include <string_view>

namespace helpdesk::webhook::detail {

void ensure_curl_initialized() {
    static std::once_flag once;
    static CURLcode result = CURLE_OK;
    std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (result != CURLE_OK) {
        throw error(errc::internal, std::string{"libcurl could not initialise: "} + curl_easy_strerror(result));
    }
}

// A handle owning what `create()` made; `what` names it in the error when libcurl made nothing.
template <class Handle, class Create>
Handle make_handle(Create create, std::string_view what) {
    ensure_curl_initialized();
    Handle handle{create()};
    if (!handle) {
        throw error(errc::internal, "libcurl could not create " + std::string{what});
    }
    return handle;
}

easy_handle make_easy_handle() {
    return make_handle<easy_handle>(curl_easy_init, "an easy handle");
}

url_handle make_url_handle() {
    return make_handle<url_handle>(curl_url, "a URL handle");
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
