#include "smtp_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace helpdesk::smtp::detail {
namespace {

struct easy_deleter {
    void operator()(CURL* handle) const noexcept { curl_easy_cleanup(handle); }
};
struct slist_deleter {
    void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};
using easy_handle = std::unique_ptr<CURL, easy_deleter>;
using slist_handle = std::unique_ptr<curl_slist, slist_deleter>;

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
            throw std::runtime_error("SMTP: libcurl could not be initialised");
        }
    });
}

struct upload {
    const std::string* data;
    std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* source = static_cast<upload*>(user);
    const auto wanted = size * count;
    const auto left = source->data->size() - source->offset;
    const auto n = std::min(wanted, left);
    std::memcpy(buffer, source->data->data() + source->offset, n);
    source->offset += n;
    return n;
}

// With credentials, "opportunistic" never sends them in the clear: someone in
// the middle could strip the STARTTLS offer and read the password.
long use_ssl_for(tls_mode mode, bool with_credentials) noexcept {
    switch (mode) {
    case tls_mode::off: return CURLUSESSL_NONE;
    case tls_mode::opportunistic: return with_credentials ? CURLUSESSL_ALL : CURLUSESSL_TRY;
    case tls_mode::required: return CURLUSESSL_ALL;
    }
    return CURLUSESSL_ALL;
}

// Connection-level troubles: every recipient would hit them, and they may
// pass (a server restarting, a network hiccup, a certificate being renewed).
bool is_connection_error(CURLcode code) noexcept {
    switch (code) {
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_SSL_SHUTDOWN_FAILED:
        return true;
    default:
        return false;
    }
}

send_result classify(CURLcode code, long reply, std::string_view to, const char* detail) {
    send_result r;
    r.reply_code = reply;
    if (code == CURLE_OK) {
        return r;
    }
    r.reason = "SMTP delivery to " + std::string{to} + " failed: " + curl_easy_strerror(code);
    if (detail != nullptr && *detail != '\0') {
        r.reason += " (" + std::string{detail} + ")";
    }
    if (reply > 0) {
        r.reason += ", server reply " + std::to_string(reply);
    }
    if (code == CURLE_LOGIN_DENIED && !(reply >= 400 && reply <= 499)) {
        // Wrong credentials; a 454 "temporary authentication failure" falls
        // through to the transient 4xx case below.
        r.result = send_result::outcome::permanent;
        r.affects_all = true;
    } else if (code == CURLE_USE_SSL_FAILED) {
        // tls=required and the server offers no STARTTLS: a configuration
        // fault that retrying does not fix; the event waits, dead, for an
        // administrator to requeue it once the server or options are fixed.
        r.result = send_result::outcome::permanent;
        r.affects_all = true;
    } else if (reply >= 500 && reply <= 599) {
        r.result = send_result::outcome::permanent;
    } else if (reply >= 400 && reply <= 499) {
        r.result = send_result::outcome::transient;
        // 421: the server is closing the channel, for everyone.
        r.affects_all = reply == 421;
    } else {
        r.result = send_result::outcome::transient;
        r.affects_all = is_connection_error(code) || reply == 0;
    }
    return r;
}

template <class Value>
void set(CURL* handle, CURLoption option, Value value) {
    if (const auto code = curl_easy_setopt(handle, option, value); code != CURLE_OK) {
        throw std::runtime_error(std::string{"SMTP: libcurl refused an option: "} + curl_easy_strerror(code));
    }
}

} // namespace

smtp_client::smtp_client(options opts) : opts_(std::move(opts)) { global_init(); }

send_result smtp_client::send(std::string_view from, std::string_view to, const std::string& message,
                              std::chrono::milliseconds budget) const {
    easy_handle handle{curl_easy_init()};
    if (!handle) {
        send_result r;
        r.result = send_result::outcome::transient;
        r.affects_all = true;
        r.reason = "SMTP: libcurl could not create a handle";
        return r;
    }
    CURL* h = handle.get();
    const std::string mail_from = "<" + std::string{from} + ">";
    const std::string rcpt = "<" + std::string{to} + ">";
    slist_handle recipients{curl_slist_append(nullptr, rcpt.c_str())};
    if (!recipients) {
        throw std::bad_alloc();
    }
    upload source{&message};
    char error_text[CURL_ERROR_SIZE] = {};
    const long timeout_ms = static_cast<long>(std::max<std::int64_t>(budget.count(), 1));

    set(h, CURLOPT_URL, opts_.url.c_str());
#if LIBCURL_VERSION_NUM >= 0x075500
    set(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
    set(h, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
    set(h, CURLOPT_NOSIGNAL, 1L); // no SIGALRM from relay threads
    set(h, CURLOPT_TIMEOUT_MS, timeout_ms);
    set(h, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    set(h, CURLOPT_USE_SSL, use_ssl_for(opts_.tls, !opts_.username.empty()));
    set(h, CURLOPT_SSL_VERIFYPEER, opts_.verify_peer ? 1L : 0L);
    set(h, CURLOPT_SSL_VERIFYHOST, opts_.verify_peer ? 2L : 0L);
    if (!opts_.username.empty()) {
        set(h, CURLOPT_USERNAME, opts_.username.c_str());
        set(h, CURLOPT_PASSWORD, opts_.password.c_str());
    }
    set(h, CURLOPT_MAIL_FROM, mail_from.c_str());
    set(h, CURLOPT_MAIL_RCPT, recipients.get());
    set(h, CURLOPT_UPLOAD, 1L);
    set(h, CURLOPT_READFUNCTION, &read_upload);
    set(h, CURLOPT_READDATA, &source);
    set(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    set(h, CURLOPT_ERRORBUFFER, error_text);

    const auto code = curl_easy_perform(h);
    long reply = 0;
    (void)curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
    return classify(code, reply, to, error_text);
}

} // namespace helpdesk::smtp::detail
