#include <wire/small_views.hpp>

namespace helpdesk::wire {

boost::json::object message_json(std::string_view text) {
    return {{"detail", text}};
}

boost::json::object count_json(std::int64_t n) {
    return {{"count", n}};
}

boost::json::object password_check_json(bool valid) {
    return {{"valid", valid}};
}

boost::json::object token_pair_json(std::string_view access, std::string_view refresh, std::int64_t expires_in,
                                    const account& a) {
    return {{"access", access},
            {"refresh", refresh},
            {"token_type", "Bearer"},
            {"expires_in", expires_in},
            {"id", a.id},
            {"email", a.email},
            {"role", to_string(a.account_role)},
            {"first_name", a.first_name},
            {"last_name", a.last_name},
            {"company_id", a.company_id},
            {"department", a.department}};
}

} // namespace helpdesk::wire
