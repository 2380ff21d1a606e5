#include <algorithm>
#include <boost/json/array.hpp>
#include <initializer_list>
#include <limits>
#include <span>
#include <string>
#include <wire/request_fields.hpp>
#include <wire/sla_policy_names.hpp>
#include <wire/sla_policy_view.hpp>

namespace helpdesk::wire {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

// Reads the nested members of a policy, noting each problem under its path.
class policy_reader {
public:
    field_errors problems;

    void refuse(const std::string& path, std::string message) {
        problems[path].push_back(std::move(message));
    }

    // Notes every member of `o` not in `known`.
    void only(const object& o, const std::string& path, std::span<const std::string_view> known) {
        for (const auto& member : o) {
            if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
                refuse(join(path, member.key()), "unknown field");
            }
        }
    }
    void only(const object& o, const std::string& path, std::initializer_list<std::string_view> known) {
        only(o, path, std::span<const std::string_view>{known.begin(), known.size()});
    }

    const object* object_of(const value& v, const std::string& path) {
        if (!v.is_object()) {
            refuse(path, "must be an object");
            return nullptr;
        }
        return &v.as_object();
    }

    const array* array_of(const value& v, const std::string& path) {
        if (!v.is_array()) {
            refuse(path, "must be an array");
            return nullptr;
        }
        return &v.as_array();
    }

    std::optional<std::string> text_of(const value& v, const std::string& path) {
        if (!v.is_string()) {
            refuse(path, "must be a string");
            return std::nullopt;
        }
        return std::string{v.as_string()};
    }

    std::optional<std::int32_t> integer_of(const value& v, const std::string& path) {
        const bool fits = (v.is_int64() && v.as_int64() >= std::numeric_limits<std::int32_t>::min() &&
                           v.as_int64() <= std::numeric_limits<std::int32_t>::max()) ||
                          (v.is_uint64() && v.as_uint64() <= std::numeric_limits<std::int32_t>::max());
        if (!fits) {
            refuse(path, "must be a whole number");
            return std::nullopt;
        }
        return static_cast<std::int32_t>(v.is_int64() ? v.as_int64()
                                                      : static_cast<std::int64_t>(v.as_uint64()));
    }

    std::optional<bool> flag_of(const value& v, const std::string& path) {
        if (!v.is_bool()) {
            refuse(path, "must be true or false");
            return std::nullopt;
        }
        return v.as_bool();
    }

    static std::string join(const std::string& path, std::string_view member) {
        return path.empty() ? std::string{member} : path + "." + std::string{member};
    }

    void span(const value& v, const std::string& path, sla_span& out) {
        const auto* o = object_of(v, path);
        if (o == nullptr) {
            return;
        }
        only(*o, path, {"amount", "unit"});
        if (const auto* amount = o->if_contains("amount")) {
            if (const auto n = integer_of(*amount, path + ".amount")) {
                out.amount = *n;
            }
        }
        if (const auto* unit = o->if_contains("unit")) {
            if (const auto name = text_of(*unit, path + ".unit")) {
                if (const auto u = parse_sla_unit(*name)) {
                    out.unit = *u;
                } else {
                    refuse(path + ".unit", "must be minutes, hours or days");
                }
            }
        }
    }

    void targets(const object& o, const std::string& path, sla_targets& out) {
        if (const auto* v = o.if_contains("first_response")) {
            span(*v, path + ".first_response", out.first_response);
        }
        if (const auto* v = o.if_contains("resolution")) {
            span(*v, path + ".resolution", out.resolution);
        }
        if (const auto* v = o.if_contains("around_the_clock")) {
            if (const auto b = flag_of(*v, path + ".around_the_clock")) {
                out.around_the_clock = *b;
            }
        }
    }

    void hours(const value& v, const std::string& path, std::vector<work_hours>& out) {
        const auto* list = array_of(v, path);
        if (list == nullptr) {
            return;
        }
        out.clear();
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = path + "[" + std::to_string(i) + "]";
            const auto* o = object_of((*list)[i], at);
            if (o == nullptr) {
                continue;
            }
            only(*o, at, {"start", "end"});
            work_hours h;
            bool ok = true;
            for (const auto& [name, minute] :
                 {std::pair<std::string_view, std::int32_t*>{"start", &h.start_minute},
                  std::pair<std::string_view, std::int32_t*>{"end", &h.end_minute}}) {
                const auto* member = o->if_contains(name);
                const auto text = member ? text_of(*member, join(at, name)) : std::nullopt;
                const auto parsed = text ? parse_clock_time(*text) : std::nullopt;
                if (!parsed) {
                    if (!member || text) {
                        refuse(join(at, name), "must be a time of day as HH:MM (00:00 to 24:00)");
                    }
                    ok = false;
                    continue;
                }
                *minute = *parsed;
            }
            if (ok) {
                out.push_back(h);
            }
        }
    }

    void calendar(const value& v, working_calendar& out) {
        const auto* o = object_of(v, "calendar");
        if (o == nullptr) {
            return;
        }
        only(*o, "calendar", {"time_zone", "week", "holidays"});
        if (const auto* zone = o->if_contains("time_zone")) {
            if (auto name = text_of(*zone, "calendar.time_zone")) {
                out.time_zone = std::move(*name);
            }
        }
        if (const auto* week = o->if_contains("week")) {
            if (const auto* days = object_of(*week, "calendar.week")) {
                only(*days, "calendar.week", weekday_names);
                for (std::size_t day = 0; day < weekday_names.size(); ++day) {
                    if (const auto* hours_of_day = days->if_contains(weekday_names[day])) {
                        hours(*hours_of_day, "calendar.week." + std::string{weekday_names[day]},
                              out.week[day]);
                    }
                }
            }
        }
        if (const auto* holidays = o->if_contains("holidays")) {
            if (const auto* list = array_of(*holidays, "calendar.holidays")) {
                out.holidays.clear();
                for (std::size_t i = 0; i < list->size(); ++i) {
                    const std::string at = "calendar.holidays[" + std::to_string(i) + "]";
                    const auto text = text_of((*list)[i], at);
                    const auto day = text ? parse_iso_date(*text) : std::nullopt;
                    if (day) {
                        out.holidays.push_back(*day);
                    } else if (text) {
                        refuse(at, "must be a date as YYYY-MM-DD");
                    }
                }
                // Any order is fine; the calendar keeps them sorted and once each.
                std::sort(out.holidays.begin(), out.holidays.end());
                out.holidays.erase(std::unique(out.holidays.begin(), out.holidays.end()), out.holidays.end());
            }
        }
    }
};

} // namespace

sla_policy read_sla_policy(const boost::json::object& body, sla_policy base) {
    policy_reader r;
    // The read-only members of a policy as read are let through, so a client may send back what it got.
    r.only(body, "",
           {"calendar", "targets", "overrides", "at_risk_percent", "pausing_statuses", "version", "created_at",
            "created_by"});
    if (const auto* v = body.if_contains("calendar")) {
        r.calendar(*v, base.calendar);
    }
    if (const auto* v = body.if_contains("targets")) {
        if (const auto* o = r.object_of(*v, "targets")) {
            r.only(*o, "targets", {"Critical", "High", "Medium", "Low"});
            for (const auto p : priorities_by_urgency) {
                const std::string path = "targets." + std::string{to_string(p)};
                if (const auto* t = o->if_contains(to_string(p))) {
                    if (const auto* targets = r.object_of(*t, path)) {
                        r.only(*targets, path, {"first_response", "resolution", "around_the_clock"});
                        r.targets(*targets, path, base.by_priority[static_cast<std::size_t>(p)]);
                    }
                }
            }
        }
    }
    if (const auto* v = body.if_contains("overrides")) {
        if (const auto* list = r.array_of(*v, "overrides")) {
            base.overrides.clear();
            for (std::size_t i = 0; i < list->size(); ++i) {
                const std::string path = "overrides[" + std::to_string(i) + "]";
                const auto* o = r.object_of((*list)[i], path);
                if (o == nullptr) {
                    continue;
                }
                r.only(*o, path,
                       {"department", "priority", "first_response", "resolution", "around_the_clock"});
                sla_override entry;
                if (const auto* d = o->if_contains("department")) {
                    entry.department = r.text_of(*d, path + ".department").value_or("");
                } else {
                    r.refuse(path + ".department", "required");
                }
                const auto* p = o->if_contains("priority");
                const auto name = p ? r.text_of(*p, path + ".priority") : std::nullopt;
                const auto level = name ? parse_priority(*name) : std::nullopt;
                if (level) {
                    entry.for_priority = *level;
                } else if (!p || name) {
                    r.refuse(path + ".priority", "must be Critical, High, Medium or Low");
                }
                // An override states its targets in full; unsent ones are the policy's.
                entry.targets = base.by_priority[static_cast<std::size_t>(entry.for_priority)];
                r.targets(*o, path, entry.targets);
                base.overrides.push_back(std::move(entry));
            }
        }
    }
    if (const auto* v = body.if_contains("at_risk_percent")) {
        if (const auto n = r.integer_of(*v, "at_risk_percent")) {
            base.at_risk_percent = *n;
        }
    }
    if (const auto* v = body.if_contains("pausing_statuses")) {
        if (const auto* list = r.array_of(*v, "pausing_statuses")) {
            base.pausing_statuses.clear();
            for (std::size_t i = 0; i < list->size(); ++i) {
                const auto name = r.text_of((*list)[i], "pausing_statuses");
                const auto status = name ? parse_ticket_status(*name) : std::nullopt;
                if (status) {
                    base.pausing_statuses.push_back(*status);
                } else if (name) {
                    r.refuse("pausing_statuses", "unknown status: " + *name);
                }
            }
        }
    }
    throw_problems(r.problems, "field");
    return base;
}

} // namespace helpdesk::wire
