#include <helpdesk/domain/catalog.hpp>

#include <algorithm>

namespace helpdesk {

catalog catalog::defaults() {
    return catalog{
        .departments = {"IT Department", "Asset Department", "Budget Department"},
        .categories =
            {
                {"IT Category",
                 {"IT Infrastructure Management", "Software & Applications Deployment",
                  "Network & Security Administration", "Technical Support & Troubleshooting",
                  "System Maintenance"}},
                {"Asset Category", {"Asset Check-out", "Asset Check-in"}},
                {"Budget Category", {"Project Proposal"}},
            },
    };
}

bool catalog::has_department(std::string_view name) const noexcept {
    return std::find(departments.begin(), departments.end(), name) != departments.end();
}

bool catalog::has_category(std::string_view name) const noexcept {
    return std::any_of(categories.begin(), categories.end(), [&](const category& c) { return c.name == name; });
}

bool catalog::has_pair(std::string_view cat, std::string_view sub) const noexcept {
    return std::any_of(categories.begin(), categories.end(), [&](const category& c) {
        return c.name == cat &&
               std::find(c.sub_categories.begin(), c.sub_categories.end(), sub) != c.sub_categories.end();
    });
}

} // namespace helpdesk
