#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace helpdesk {

/// A category and the sub-categories that may go with it.
struct category {
    std::string name{};
    std::vector<std::string> sub_categories{};
};

/// The configurable choices of a help desk: departments and the
/// category → sub-category pairs tickets may use. A plain value, given to the
/// engine at construction.
struct catalog {
    std::vector<std::string> departments{};
    std::vector<category> categories{};

    /// The defaults of docs/product.md#catalogue (three departments; IT, Asset, Budget categories).
    [[nodiscard]] static catalog defaults();

    /// True when `name` is a configured department.
    [[nodiscard]] bool has_department(std::string_view name) const noexcept;
    /// True when `name` is a configured category.
    [[nodiscard]] bool has_category(std::string_view name) const noexcept;
    /// True when `sub` belongs to category `cat`.
    [[nodiscard]] bool has_pair(std::string_view cat, std::string_view sub) const noexcept;
};

} // namespace helpdesk
