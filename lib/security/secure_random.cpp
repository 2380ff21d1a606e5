#include <helpdesk/ports/random_source.hpp>

#include <helpdesk/error.hpp>

#include <openssl/rand.h>

#include <algorithm>
#include <climits>

namespace helpdesk {
namespace {

// OpenSSL's RAND_bytes is thread-safe (OpenSSL >= 1.1), so one stateless
// object can be shared by every engine in the process.
class openssl_random final : public random_source {
public:
    void fill(std::span<unsigned char> out) override {
        // RAND_bytes takes an int length; feed larger spans in chunks.
        while (!out.empty()) {
            const auto n = std::min<std::size_t>(out.size(), INT_MAX);
            if (RAND_bytes(out.data(), static_cast<int>(n)) != 1)
                throw error(errc::internal, "OpenSSL RAND_bytes failed to produce random bytes.");
            out = out.subspan(n);
        }
    }
};

} // namespace

std::shared_ptr<random_source> secure_random() {
    return std::make_shared<openssl_random>();
}

} // namespace helpdesk
