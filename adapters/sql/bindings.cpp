#include "bindings.hpp"

#include <utility>

namespace helpdesk::sql {

std::string bindings::push(value v) {
    values_.push_back(std::move(v));
    return style_ == placeholder_style::question ? std::string{"?"} : "$" + std::to_string(values_.size());
}

} // namespace helpdesk::sql
