#include "engine_handle.hpp"
#include "errors.hpp"

#include <helpdesk/adapters/open_store.hpp>
#include <helpdesk/blob/directory_blob_store.hpp>
#ifdef HELPDESK_C_WITH_TZ
#include <helpdesk/adapters/time_zones.hpp>
#endif

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

static_assert(HELPDESK_C_VERSION_NUMBER == HD_VERSION_NUMBER,
              "include/helpdesk/c.h's HD_VERSION_NUMBER must follow the project version in CMakeLists.txt");

namespace helpdesk::capi {

namespace {

/// The size of version 1 of hd_engine_options: the smallest struct_size accepted.
constexpr std::size_t options_v1_size = offsetof(hd_engine_options, blob_dir) + sizeof(const char*);

[[noreturn]] void refuse_option(const char* field, std::string message) {
    throw error(errc::invalid_argument, "hd_engine_options." + std::string{field} + ": " + message,
                {{field, {std::move(message)}}});
}

/// The caller's options, read as far as their struct_size says and our
/// version knows; NULL is the defaults.
hd_engine_options read_options(const hd_engine_options* given) {
    hd_engine_options out;
    hd_engine_options_init(&out);
    if (given == nullptr) {
        return out;
    }
    if (given->struct_size < options_v1_size) {
        refuse_option("struct_size", "Must be at least the size of version 1 (" + std::to_string(options_v1_size) +
                                         "); fill the options with hd_engine_options_init first.");
    }
    // A newer caller's larger struct starts with ours: read what we know.
    std::memcpy(&out, given, std::min<std::size_t>(given->struct_size, sizeof out));
    out.struct_size = sizeof out;
    return out;
}

} // namespace

engine& desk_of(hd_engine* handle) {
    require(handle, "engine");
    return handle->desk;
}

} // namespace helpdesk::capi

extern "C" {

HD_API uint32_t hd_version_number(void) {
    return HELPDESK_C_VERSION_NUMBER;
}

HD_API void hd_engine_options_init(hd_engine_options* options) {
    if (options == nullptr) {
        return;
    }
    *options = hd_engine_options{};
    options->struct_size = sizeof(hd_engine_options);
    options->password_iterations = 0;
    options->blob_dir = nullptr;
}

HD_API int hd_engine_open(hd_engine** out_engine, const char* store_url, const hd_engine_options* options) {
    using namespace helpdesk;
    if (out_engine != nullptr) {
        *out_engine = nullptr;
    }
    return capi::guard([&] {
        capi::require(out_engine, "out_engine");
        capi::require(store_url, "store_url");
        const auto o = capi::read_options(options);
        engine_options tuning;
        if (o.password_iterations < 0) {
            capi::refuse_option("password_iterations", "Must be positive, or 0 for the default.");
        }
        if (o.password_iterations > 0) {
            tuning.password_iterations = o.password_iterations;
        }
        engine_parts parts;
        if (o.blob_dir != nullptr) {
            if (*o.blob_dir == '\0') {
                capi::refuse_option("blob_dir", "Must not be empty; use NULL to keep attachments in memory.");
            }
            parts.blobs = open_directory_blob_store(o.blob_dir);
        }
        parts.db = helpdesk::open_store(store_url);
#ifdef HELPDESK_C_WITH_TZ
        // Without the adapter the engine knows UTC alone.
        parts.zones = tz::system_time_zones();
#endif
        *out_engine = new hd_engine(std::move(parts), std::move(tuning));
    });
}

HD_API void hd_engine_free(hd_engine* engine) {
    // Destructors of the engine and its stores do not throw; closing is best effort.
    delete engine;
}

} // extern "C"
