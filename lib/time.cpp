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
    const hh_mm_ss<microseconds> hms{t - day};
    char buf[32];
    int n = std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", static_cast<int>(hms.hours().count()),
                          static_cast<int>(hms.minutes().count()),
                          static_cast<int>(hms.seconds().count()));
    std::string out = format_date(day);
    out.append(buf, static_cast<std::size_t>(n));
    if (const auto micros = hms.subseconds().count(); micros != 0) {
        n = std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(micros));
        out.append(buf, static_cast<std::size_t>(n));
    }
    out += 'Z';
    return out;
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
