#include <helpdesk/time.hpp>

#include <cstdio>

namespace helpdesk {
namespace {

using namespace std::chrono;

// Reads exactly `n` ASCII digits at `pos` (no sign, no spaces), advancing pos.
std::optional<int> read_digits(std::string_view text, std::size_t& pos, std::size_t n) noexcept {
    if (text.size() - pos < n) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    pos += n;
    return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) noexcept {
    if (pos >= text.size() || text[pos] != c) return false;
    ++pos;
    return true;
}

// `YYYY-MM-DD` at pos; only days that exist in the calendar (no 2026-02-30).
std::optional<sys_days> read_date(std::string_view text, std::size_t& pos) noexcept {
    const auto y = read_digits(text, pos, 4);
    if (!y || !expect(text, pos, '-')) return std::nullopt;
    const auto m = read_digits(text, pos, 2);
    if (!m || !expect(text, pos, '-')) return std::nullopt;
    const auto d = read_digits(text, pos, 2);
    if (!d) return std::nullopt;
    const year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)},
                             day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
}

std::string format_date(sys_days d) {
    const year_month_day ymd{d};
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return std::string(buf, static_cast<std::size_t>(n));
}

} // namespace

std::string to_rfc3339(time_point t) {
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const int year = static_cast<int>(ymd.year());
    if (year < 0 || year > 9999) {
        // Outside RFC 3339's four-digit years: the slow, general path.
        const hh_mm_ss<microseconds> hms{t - day};
        char buf[48];
        const int n = std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d.%06lldZ", static_cast<int>(hms.hours().count()),
                                    static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                                    static_cast<long long>(hms.subseconds().count()));
        return format_date(day) + std::string(buf, static_cast<std::size_t>(n));
    }
    // Digits written by hand: this runs for every time in every response.
    const hh_mm_ss<microseconds> hms{t - day};
    char buf[32];
    auto put = [&](std::size_t at, long long value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            buf[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    put(0, year, 4);
    buf[4] = '-';
    put(5, static_cast<unsigned>(ymd.month()), 2);
    buf[7] = '-';
    put(8, static_cast<unsigned>(ymd.day()), 2);
    buf[10] = 'T';
    put(11, hms.hours().count(), 2);
    buf[13] = ':';
    put(14, hms.minutes().count(), 2);
    buf[16] = ':';
    put(17, hms.seconds().count(), 2);
    std::size_t size = 19;
    if (const auto micros = hms.subseconds().count(); micros != 0) {
        buf[19] = '.';
        put(20, micros, 6);
        size = 26;
    }
    buf[size++] = 'Z';
    return std::string(buf, size);
}

std::optional<time_point> parse_rfc3339(std::string_view text) {
    std::size_t pos = 0;
    const auto day = read_date(text, pos);
    if (!day) return std::nullopt;
    // RFC 3339 §5.6 allows a lower-case 't' and 'z'.
    if (pos >= text.size() || (text[pos] != 'T' && text[pos] != 't')) return std::nullopt;
    ++pos;

    const auto hh = read_digits(text, pos, 2);
    if (!hh || !expect(text, pos, ':')) return std::nullopt;
    const auto mm = read_digits(text, pos, 2);
    if (!mm || !expect(text, pos, ':')) return std::nullopt;
    const auto ss = read_digits(text, pos, 2);
    // Leap seconds (:60) are refused: sys_time cannot represent them.
    if (!ss || *hh > 23 || *mm > 59 || *ss > 59) return std::nullopt;

    microseconds fraction{0};
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        const auto first = pos;
        long long micros = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            // Digits past microseconds are truncated, matching our precision.
            if (pos - first < 6) micros = micros * 10 + (text[pos] - '0');
            ++pos;
        }
        const auto digits = pos - first;
        if (digits == 0) return std::nullopt;
        for (auto i = digits; i < 6; ++i) micros *= 10;
        fraction = microseconds{micros};
    }

    minutes offset{0};
    if (pos >= text.size()) return std::nullopt; // the offset is mandatory
    if (text[pos] == 'Z' || text[pos] == 'z') {
        ++pos;
    } else if (text[pos] == '+' || text[pos] == '-') {
        const bool negative = text[pos] == '-';
        ++pos;
        const auto oh = read_digits(text, pos, 2);
        if (!oh || !expect(text, pos, ':')) return std::nullopt;
        const auto om = read_digits(text, pos, 2);
        if (!om || *oh > 23 || *om > 59) return std::nullopt;
        offset = hours{*oh} + minutes{*om};
        if (negative) offset = -offset;
    } else {
        return std::nullopt;
    }
    if (pos != text.size()) return std::nullopt; // trailing junk

    // Local time minus its offset is UTC.
    return time_point{*day} + hours{*hh} + minutes{*mm} + seconds{*ss} + fraction - offset;
}

std::string to_iso_date(date d) {
    return format_date(d);
}

std::optional<date> parse_iso_date(std::string_view text) {
    std::size_t pos = 0;
    const auto d = read_date(text, pos);
    if (!d || pos != text.size()) return std::nullopt;
    return *d;
}

} // namespace helpdesk
