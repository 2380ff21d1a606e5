#pragma once
// The multi-process and kill -9 suites run once, in the Release build: under
// the sanitizers they would only cost CI time, since the code they drive
// runs instrumented in the other suites.

#include <doctest/doctest.h>

#include <string>

namespace test_support {

/// What a skipped test prints; ctest's SKIP_REGULAR_EXPRESSION reports it as Skipped.
inline constexpr const char* release_only_marker = "[release-only-skipped]";

/// True, after printing the marker, in a sanitizer build (HELPDESK_SANITIZED):
/// the calling multi-process test then returns at once.
[[nodiscard]] inline bool skipped_under_sanitizers() {
#ifdef HELPDESK_SANITIZED
    MESSAGE(std::string{release_only_marker} << " a multi-process suite: it runs in the Release build only");
    return true;
#else
    return false;
#endif
}

} // namespace test_support
