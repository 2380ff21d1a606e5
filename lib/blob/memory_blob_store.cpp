#include <helpdesk/blob/memory_blob_store.hpp>

#include "blob_key.hpp"

#include <map>
#include <mutex>
#include <string>

namespace helpdesk {
namespace {

class memory_store final : public blob_store {
public:
    void put(std::string_view key, std::string_view bytes) override {
        detail::check_blob_key(key);
        std::lock_guard lock(mutex_);
        if (!blobs_.try_emplace(std::string(key), bytes).second)
            throw error(errc::conflict, "A blob with this key already exists.");
    }

    [[nodiscard]] std::optional<std::string> get(std::string_view key) override {
        detail::check_blob_key(key);
        std::lock_guard lock(mutex_);
        const auto it = blobs_.find(key);
        if (it == blobs_.end()) return std::nullopt;
        return it->second;
    }

    void remove(std::string_view key) noexcept override {
        std::lock_guard lock(mutex_);
        // find + erase(iterator) rather than erase(key): no allocation, so noexcept holds.
        if (const auto it = blobs_.find(key); it != blobs_.end()) blobs_.erase(it);
    }

private:
    std::mutex mutex_;
    std::map<std::string, std::string, std::less<>> blobs_;
};

} // namespace

std::shared_ptr<blob_store> memory_blob_store() {
    return std::make_shared<memory_store>();
}

} // namespace helpdesk
