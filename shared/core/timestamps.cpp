#include "timestamps.h"

namespace {

bool digits(std::string_view s, size_t pos, size_t n, int &out)
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

} // namespace

std::optional<std::int64_t> parseIsoTimestampMs(std::string_view s)
{
    int y, mo, d, h, mi, sec;
    if (!digits(s, 0, 4, y) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, mo) ||
        s[7] != '-' || !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != ' ') ||
        !digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' ||
        !digits(s, 17, 2, sec))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return std::nullopt;
    size_t pos = 19;
    int ms = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int scale = 100;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            ms += (s[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
    }
    std::int64_t offsetMin = 0;
    if (pos < s.size()) {
        const char c = s[pos];
        if (c == 'Z' || c == 'z') {
            ++pos;
        } else if (c == '+' || c == '-') {
            int oh, om = 0;
            if (!digits(s, pos + 1, 2, oh))
                return std::nullopt;
            size_t next = pos + 3;
            if (next < s.size() && s[next] == ':')
                ++next;
            if (next < s.size() && !digits(s, next, 2, om))
                return std::nullopt;
            offsetMin = (c == '+' ? 1 : -1) * (oh * 60 + om);
            pos = s.size();
        }
    }
    if (pos != s.size())
        return std::nullopt;
    const std::int64_t days = daysFromCivil(y, unsigned(mo), unsigned(d));
    const std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + sec - offsetMin * 60;
    return secs * 1000 + ms;
}
