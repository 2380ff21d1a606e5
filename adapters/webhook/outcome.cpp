#include "outcome.hpp"

namespace helpdesk::webhook::detail {

verdict classify_status(long status) noexcept {
    if (status >= 200 && status < 300) {
        return verdict::delivered;
    }
    if (status == 408 || status == 429 || (status >= 500 && status < 600)) {
        return verdict::transient;
    }
    return verdict::permanent;
}

verdict classify_transport(CURLcode code) noexcept {
    switch (code) {
    case CURLE_OK:
        return verdict::delivered;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_NOT_BUILT_IN:
        return verdict::permanent;
    default:
        // Certificate failures count here too: the receiver's operator can fix
        // them, and the event is parked once its attempts run out anyway.
        return verdict::transient;
    }
}

} // namespace helpdesk::webhook::detail
