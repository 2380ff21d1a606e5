#pragma once

#include <helpdesk/c.h>
#include <helpdesk/error.hpp>

#include <exception>
#include <new>
#include <string_view>
#include <utility>

/// The C ABI's error channel: a thread-local last error, the errc → code
/// mapping, and `guard`, which every int-returning entry point runs its body
/// in so that no exception crosses the boundary.
namespace helpdesk::capi {

/// The hd_error_code of a core error code.
[[nodiscard]] int code_of(errc code) noexcept;

/// Forgets this thread's last error (the start of every int-returning call).
void clear_last_error() noexcept;

/// Records a failure for this thread and returns `code`. Never throws: when
/// the message cannot be stored, a fixed out-of-memory message stands in.
int record_failure(int code, std::string_view message, const field_errors& fields = {}) noexcept;

/// Records an `error` and returns its hd_error_code.
int record_failure(const error& e) noexcept;

/// Records an unexpected exception (a bug) as HD_E_INTERNAL, "internal error: <what>".
int record_internal(const char* what) noexcept;

/// Refuses a NULL pointer argument: invalid_argument naming the parameter.
[[noreturn]] void refuse_null(const char* parameter);

/// Throws `refuse_null(name)` unless `pointer` is non-NULL.
template <class T>
void require(const T* pointer, const char* parameter) {
    if (pointer == nullptr) {
        refuse_null(parameter);
    }
}

/// Runs `body` (which returns nothing and reports failure by throwing) and
/// turns the outcome into a return code: HD_OK, or the failure recorded for
/// hd_error_last(). Catches everything; nothing escapes.
template <class Body>
int guard(Body&& body) noexcept {
    clear_last_error();
    try {
        std::forward<Body>(body)();
        return HD_OK;
    } catch (const error& e) {
        return record_failure(e);
    } catch (const std::bad_alloc&) {
        return record_failure(HD_E_INTERNAL, "out of memory");
    } catch (const std::exception& e) {
        return record_internal(e.what());
    } catch (...) {
        return record_internal("an exception of unknown type");
    }
}

} // namespace helpdesk::capi
