#include "security/tokens.hpp"

#include <helpdesk/error.hpp>

#include <openssl/evp.h>

#include <vector>

namespace helpdesk::detail {
namespace {
std::string to_hex(const unsigned char* data, std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(size * 2, '0');
    for (std::size_t i = 0; i < size; ++i) {
        out[2 * i] = digits[data[i] >> 4];
        out[2 * i + 1] = digits[data[i] & 0x0F];
    }
    return out;
}
} // namespace

std::string random_hex(random_source& random, std::size_t bytes) {
    std::vector<unsigned char> buffer(bytes);
    random.fill(buffer);
    return to_hex(buffer.data(), buffer.size());
}

std::string sha256_hex(std::string_view text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
        throw error(errc::internal, "SHA-256 failed");
    }
    return to_hex(digest, size);
}

} // namespace helpdesk::detail
