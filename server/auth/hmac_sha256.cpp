#include "auth/hmac_sha256.hpp"

#include <helpdesk/error.hpp>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <memory>
#include <string>

namespace helpdesk::server {
namespace {

struct mac_ctx_free {
    void operator()(EVP_MAC_CTX* ctx) const noexcept { EVP_MAC_CTX_free(ctx); }
};

// Fetching the algorithm walks the provider tables; doing it once keeps a verification in the low microseconds.
EVP_MAC* hmac_algorithm() {
    static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (mac == nullptr) throw error(errc::internal, "OpenSSL has no HMAC implementation");
    return mac;
}

struct thread_mac {
    std::unique_ptr<EVP_MAC_CTX, mac_ctx_free> ctx;
    std::string key; // the key `ctx` was last initialised with
    bool keyed = false;
};

} // namespace

hmac_sha256_tag hmac_sha256(std::string_view key, std::initializer_list<std::string_view> parts) {
    // One context per thread, keyed once: setting the digest and key on every call costs more than the MAC.
    thread_local thread_mac state;
    if (!state.ctx) {
        state.ctx.reset(EVP_MAC_CTX_new(hmac_algorithm()));
        if (!state.ctx) throw error(errc::internal, "cannot allocate an HMAC context");
        char digest[] = "SHA256";
        const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                     OSSL_PARAM_construct_end()};
        if (EVP_MAC_CTX_set_params(state.ctx.get(), params) != 1) {
            state.ctx.reset();
            throw error(errc::internal, "cannot select SHA-256 for HMAC");
        }
    }
    EVP_MAC_CTX* ctx = state.ctx.get();
    int initialised = 0;
    if (state.keyed && state.key == key) {
        initialised = EVP_MAC_init(ctx, nullptr, 0, nullptr);
    } else {
        state.keyed = false;
        // A zero-length key is legal HMAC, but OpenSSL wants a non-null pointer for it.
        static const unsigned char empty_key = 0;
        const auto* key_bytes = key.empty() ? &empty_key : reinterpret_cast<const unsigned char*>(key.data());
        initialised = EVP_MAC_init(ctx, key_bytes, key.size(), nullptr);
        if (initialised == 1) {
            state.key.assign(key);
            state.keyed = true;
        }
    }
    if (initialised != 1) throw error(errc::internal, "HMAC initialisation failed");
    for (const auto part : parts)
        if (!part.empty() &&
            EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(part.data()), part.size()) != 1)
            throw error(errc::internal, "HMAC update failed");
    hmac_sha256_tag tag{};
    std::size_t length = 0;
    if (EVP_MAC_final(ctx, tag.data(), &length, tag.size()) != 1 || length != tag.size())
        throw error(errc::internal, "HMAC finalisation failed");
    return tag;
}

bool tag_equals(const hmac_sha256_tag& tag, std::string_view candidate) noexcept {
    if (candidate.size() != tag.size()) return false;
    return CRYPTO_memcmp(tag.data(), candidate.data(), tag.size()) == 0;
}

} // namespace helpdesk::server
