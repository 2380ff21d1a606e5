#include <wire/catalog_view.hpp>

#include <helpdesk/domain/file_types.hpp>
#include <helpdesk/security/password.hpp>

#include <boost/json/array.hpp>

#include <span>

namespace helpdesk::wire {

boost::json::object catalog_json(const engine_options& options) {
    const auto names = [](const auto& values) {
        boost::json::array out;
        for (const auto& v : values) {
            out.emplace_back(to_string(v));
        }
        return out;
    };
    const auto types = [](std::span<const file_type> kinds) {
        boost::json::array out;
        for (const auto& kind : kinds) {
            boost::json::array extensions;
            for (const auto ext : kind.extensions) {
                extensions.emplace_back(ext);
            }
            out.push_back({{"content_type", kind.content_type}, {"extensions", std::move(extensions)}});
        }
        return out;
    };
    boost::json::array departments;
    for (const auto& d : options.choices.departments) {
        departments.emplace_back(d);
    }
    boost::json::array categories;
    for (const auto& c : options.choices.categories) {
        boost::json::array subs;
        for (const auto& s : c.sub_categories) {
            subs.emplace_back(s);
        }
        categories.push_back({{"name", c.name}, {"sub_categories", std::move(subs)}});
    }
    boost::json::array suffixes;
    for (const auto s : name_suffixes) {
        suffixes.emplace_back(s);
    }
    boost::json::array image_content_types;
    for (const auto& kind : image_types()) {
        image_content_types.emplace_back(kind.content_type);
    }
    return {{"departments", std::move(departments)},
            {"categories", std::move(categories)},
            {"priorities", names(priorities_by_urgency)},
            {"statuses", names(all_ticket_statuses)},
            {"roles", names(all_roles)},
            {"suffixes", std::move(suffixes)},
            {"attachments",
             {{"max_file_bytes", options.max_attachment_bytes},
              {"max_files", options.max_attachments_per_ticket},
              {"types", types(attachment_types())}}},
            {"image", {{"max_bytes", options.max_image_bytes}, {"types", std::move(image_content_types)}}},
            {"password", {{"min_length", min_password_length}, {"rule", password_rule}}}};
}

} // namespace helpdesk::wire
