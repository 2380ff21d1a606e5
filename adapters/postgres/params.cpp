#include "params.hpp"

#include <helpdesk/error.hpp>

namespace helpdesk::postgres::detail {

std::string params::push(std::optional<std::string> value) {
    if (value && value->find('\0') != std::string::npos) {
        throw error{errc::invalid_argument, "text with a NUL character cannot be stored"};
    }
    values_.push_back(std::move(value));
    return "$" + std::to_string(values_.size());
}

std::vector<const char*> params::pointers() const {
    std::vector<const char*> out;
    out.reserve(values_.size());
    for (const auto& v : values_) {
        out.push_back(v ? v->c_str() : nullptr);
    }
    return out;
}

} // namespace helpdesk::postgres::detail
