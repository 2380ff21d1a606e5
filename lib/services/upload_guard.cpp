#include "services/upload_guard.hpp"

namespace helpdesk::detail {

void upload_guard::put(const std::string& key, std::string_view bytes) {
    blobs_.put(key, bytes);
    keys_.push_back(key);
}

void upload_guard::discard() noexcept {
    for (const auto& key : keys_) {
        blobs_.remove(key);
    }
    keys_.clear();
}

} // namespace helpdesk::detail
