// Automatic assignment: hd_availability_get, hd_availability_set,
// hd_assignment_departments, hd_assignment_set_mode.
#include "engine_handle.hpp"
#include "output.hpp"

#include <wire/assignment_views.hpp>

using namespace helpdesk;

extern "C" {

HD_API int hd_availability_get(char** out_availability_json, hd_engine* engine, int64_t actor) {
    return capi::json_call(out_availability_json, "out_availability_json", [&] {
        return wire::availability_json(capi::desk_of(engine).assignment().my_availability(actor));
    });
}

HD_API int hd_availability_set(char** out_availability_json, hd_engine* engine, int64_t actor, int available) {
    return capi::json_call(out_availability_json, "out_availability_json", [&] {
        return wire::availability_json(capi::desk_of(engine).assignment().set_my_availability(actor, available != 0));
    });
}

HD_API int hd_assignment_departments(char** out_departments_json, hd_engine* engine, int64_t actor) {
    return capi::json_call(out_departments_json, "out_departments_json", [&] {
        return wire::departments_json(capi::desk_of(engine).assignment().departments(actor));
    });
}

HD_API int hd_assignment_set_mode(char** out_department_json, hd_engine* engine, int64_t actor,
                                  const char* department, const char* mode) {
    return capi::json_call(out_department_json, "out_department_json", [&] {
        auto& desk = capi::desk_of(engine);
        capi::require(department, "department");
        capi::require(mode, "mode");
        return wire::department_json(desk.assignment().set_mode(actor, department, mode));
    });
}

} // extern "C"
