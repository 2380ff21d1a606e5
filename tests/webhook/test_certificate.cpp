#include "test_certificate.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <unistd.h>

namespace helpdesk::testing {
namespace {

struct key_deleter {
    void operator()(EVP_PKEY* k) const noexcept { EVP_PKEY_free(k); }
};
struct cert_deleter {
    void operator()(X509* c) const noexcept { X509_free(c); }
};
struct ext_deleter {
    void operator()(X509_EXTENSION* e) const noexcept { X509_EXTENSION_free(e); }
};
struct file_closer {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

void require(bool ok, const char* what) {
    if (!ok) {
        throw std::runtime_error(std::string{"test certificate: "} + what + " failed");
    }
}

std::string temp_file(const char* prefix) {
    std::string path = std::string{"/tmp/"} + prefix + "-XXXXXX";
    const int fd = ::mkstemp(path.data());
    require(fd >= 0, "mkstemp");
    ::close(fd);
    return path;
}

} // namespace

test_certificate::test_certificate() {
    std::unique_ptr<EVP_PKEY, key_deleter> key{EVP_EC_gen("P-256")};
    require(key != nullptr, "EVP_EC_gen");
    std::unique_ptr<X509, cert_deleter> cert{X509_new()};
    require(cert != nullptr, "X509_new");
    require(X509_set_version(cert.get(), X509_VERSION_3) == 1, "X509_set_version");
    require(ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1) == 1, "serial");
    require(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) != nullptr, "notBefore");
    require(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600) != nullptr, "notAfter");
    X509_NAME* name = X509_get_subject_name(cert.get());
    require(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"),
                                       -1, -1, 0) == 1,
            "subject");
    require(X509_set_issuer_name(cert.get(), name) == 1, "issuer");
    std::unique_ptr<X509_EXTENSION, ext_deleter> san{
        X509V3_EXT_conf_nid(nullptr, nullptr, NID_subject_alt_name, "IP:127.0.0.1")};
    require(san != nullptr && X509_add_ext(cert.get(), san.get(), -1) == 1, "subjectAltName");
    require(X509_set_pubkey(cert.get(), key.get()) == 1, "X509_set_pubkey");
    require(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "X509_sign");

    cert_file_ = temp_file("helpdesk-webhook-cert");
    key_file_ = temp_file("helpdesk-webhook-key");
    {
        std::unique_ptr<std::FILE, file_closer> out{std::fopen(cert_file_.c_str(), "w")};
        require(out != nullptr && PEM_write_X509(out.get(), cert.get()) == 1, "writing the certificate");
    }
    {
        std::unique_ptr<std::FILE, file_closer> out{std::fopen(key_file_.c_str(), "w")};
        require(out != nullptr &&
                    PEM_write_PrivateKey(out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1,
                "writing the key");
    }
}

test_certificate::~test_certificate() {
    ::unlink(cert_file_.c_str());
    ::unlink(key_file_.c_str());
}

} // namespace helpdesk::testing
