#include "signature.hpp"

#include <helpdesk/error.hpp>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>

namespace helpdesk::webhook::detail {

std::string signature(std::string_view secret, std::string_view timestamp, std::string_view body) {
    std::string message;
    message.reserve(timestamp.size() + 1 + body.size());
    message.append(timestamp).append(".").append(body);

    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int mac_size = 0;
    if (HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac.data(), &mac_size) == nullptr) {
        throw error(errc::internal, "HMAC-SHA256 of a webhook body failed");
    }

    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "sha256=";
    out.reserve(out.size() + 2 * mac_size);
    for (unsigned int i = 0; i < mac_size; ++i) {
        out.push_back(digits[mac[i] >> 4]);
        out.push_back(digits[mac[i] & 0x0f]);
    }
    return out;
}

} // namespace helpdesk::webhook::detail
