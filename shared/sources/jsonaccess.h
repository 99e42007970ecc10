#pragma once

// Small helpers over simdjson's on-demand API for liberal reading: a missing,
// null or oddly typed field reads as absent instead of failing the line.

#include "core/bytesearch.h"

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace JsonAccess {

inline constexpr int Padding = int(simdjson::SIMDJSON_PADDING);

template<typename Obj> std::optional<std::string_view> string(Obj &obj, std::string_view key)
{
    std::string_view v;
    auto field = obj.at_key(key);
    if (field.error())
        return std::nullopt;
    if (field.get_string().get(v) != simdjson::SUCCESS)
        return std::nullopt;
    return v;
}

template<typename Val> std::int64_t numberOf(Val &&val)
{
    std::int64_t i;
    if (val.get_int64().get(i) == simdjson::SUCCESS)
        return i < 0 ? 0 : i;
    double d;
    if (val.get_double().get(d) == simdjson::SUCCESS)
        return d < 0 ? 0 : std::int64_t(d);
    return 0;
}

template<typename Obj> std::int64_t number(Obj &obj, std::string_view key)
{
    auto field = obj.at_key(key);
    if (field.error())
        return 0;
    return numberOf(field.value());
}

template<typename Obj> bool boolean(Obj &obj, std::string_view key)
{
    bool b = false;
    auto field = obj.at_key(key);
    if (field.error())
        return false;
    if (field.get_bool().get(b) != simdjson::SUCCESS)
        return false;
    return b;
}

template<typename Obj> bool has(Obj &obj, std::string_view key)
{
    auto field = obj.at_key(key);
    if (field.error())
        return false;
    return !field.is_null();
}

//! First and last non-blank characters of a line, for the cheap structural
//! check applied to lines that are not parsed in full.
inline bool looksLikeObject(const char *b, const char *e)
{
    while (b < e && (*b == ' ' || *b == '\t' || *b == '\r'))
        ++b;
    while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        --e;
    return e - b >= 2 && *b == '{' && e[-1] == '}';
}

//! Lines that carry no usage are not parsed; a short one is validated in full
//! (cheap), a long one (prompt or tool text) only gets looksLikeObject().
inline constexpr long ShortLine = 512;

inline bool isValidShortJson(const char *b, const char *e, size_t capacity)
{
    thread_local simdjson::dom::parser validator;
    simdjson::dom::element el;
    return validator.parse(b, size_t(e - b), false).get(el) == simdjson::SUCCESS &&
        capacity >= size_t(e - b) + Padding;
}

inline bool isBlank(const char *b, const char *e)
{
    for (; b < e; ++b) {
        if (*b != ' ' && *b != '\t' && *b != '\r')
            return false;
    }
    return true;
}

//! [b, e) must lie in a buffer padded by at least 32 readable bytes.
inline bool contains(const char *b, const char *e, std::string_view needle)
{
    return findBytes(b, e, needle) != nullptr;
}

} // namespace JsonAccess
