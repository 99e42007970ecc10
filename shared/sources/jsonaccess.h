#pragma once

// Small helpers over simdjson's DOM API for liberal reading of names and flags
// (a missing, null or oddly typed field reads as absent instead of failing the
// line) and strict reading of token counts (CountReader).

#include "core/bytesearch.h"
#include "ledger/dropreason.h"

#include <simdjson.h>

#include <cmath>
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

//! The largest token count accepted: 2^53, the largest integer that every JSON
//! reader (and a double) represents exactly.
inline constexpr std::int64_t MaxCount = std::int64_t(1) << 53;

//! \brief Reads token counts strictly: a count is a non-negative integer up to
//! MaxCount (an integral number written as 7.0 or 1e3 is one). A missing field
//! reads as 0; anything else (negative, fraction, too large, a string, null)
//! reads as 0 and is remembered, so that the caller skips the whole record.
class CountReader
{
public:
    template<typename Obj> std::int64_t operator()(Obj &obj, std::string_view key)
    {
        auto field = obj.at_key(key);
        if (field.error())
            return 0;
        return value(field.value_unsafe());
    }

    std::int64_t value(simdjson::dom::element v)
    {
        std::int64_t out = 0;
        switch (v.type()) {
        case simdjson::dom::element_type::INT64: {
            const std::int64_t i = v.get_int64().value_unsafe();
            if (i < 0)
                fail(MalformedReason::NegativeCount);
            else if (i > MaxCount)
                fail(MalformedReason::CountTooLarge);
            else
                out = i;
            break;
        }
        case simdjson::dom::element_type::UINT64:
            fail(MalformedReason::CountTooLarge);
            break;
        case simdjson::dom::element_type::DOUBLE: {
            const double d = v.get_double().value_unsafe();
            if (d < 0)
                fail(MalformedReason::NegativeCount);
            else if (!(d <= double(MaxCount)))
                fail(MalformedReason::CountTooLarge);
            else if (d != std::floor(d))
                fail(MalformedReason::FractionalCount);
            else
                out = std::int64_t(d);
            break;
        }
        case simdjson::dom::element_type::NULL_VALUE:
            fail(MalformedReason::NullCount);
            break;
        default:
            fail(MalformedReason::NonNumericCount);
            break;
        }
        return out;
    }

    //! The first problem met, if any.
    std::optional<MalformedReason> error() const { return m_error; }

private:
    void fail(MalformedReason reason)
    {
        if (!m_error)
            m_error = reason;
    }
    std::optional<MalformedReason> m_error;
};

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
