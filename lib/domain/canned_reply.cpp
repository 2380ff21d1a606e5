#include <helpdesk/domain/canned_reply.hpp>

namespace helpdesk {

std::string title_sort_key(std::string_view title) {
    std::string key{title};
    for (auto& c : key) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return key;
}

} // namespace helpdesk
