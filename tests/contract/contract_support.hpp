#pragma once

#include <helpdesk/error.hpp>

#include <doctest/doctest.h>

namespace contract {

/// The code of the `helpdesk::error` that `call` throws; fails the test when
/// it throws nothing (or something else).
[[nodiscard]] helpdesk::errc error_code_of(auto&& call) {
    try {
        call();
    } catch (const helpdesk::error& e) {
        return e.code();
    }
    FAIL("expected a helpdesk::error");
    return helpdesk::errc::internal;
}

} // namespace contract
