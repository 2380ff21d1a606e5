#include "output.hpp"

#include <boost/json/serialize.hpp>

#include <cstdlib>
#include <cstring>
#include <new>

namespace helpdesk::capi {

char* malloc_copy(std::string_view text) {
    auto* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (copy == nullptr) {
        throw std::bad_alloc();
    }
    if (!text.empty()) {
        std::memcpy(copy, text.data(), text.size());
    }
    copy[text.size()] = '\0';
    return copy;
}

char* malloc_json(const boost::json::value& value) {
    return malloc_copy(boost::json::serialize(value));
}

} // namespace helpdesk::capi

extern "C" HD_API void hd_string_free(char* text) {
    std::free(text);
}
