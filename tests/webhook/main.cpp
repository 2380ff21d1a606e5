// The one translation unit that holds doctest's runner; every other test file
// only includes <doctest/doctest.h>.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

int main(int argc, char** argv) {
    // libcurl honours proxy variables; the receivers are on loopback, so a
    // developer's proxy must not sit in between.
    ::setenv("no_proxy", "127.0.0.1,localhost", 1);
    ::setenv("NO_PROXY", "127.0.0.1,localhost", 1);
    return doctest::Context(argc, argv).run();
}
