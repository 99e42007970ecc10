#pragma once

#include <QString>
#include <QTimeZone>

#include <optional>

//! \brief The one parser of time-zone arguments, shared by the CLI's reports
//! and the server's day-based views.
namespace TimeZones {

enum class Context {
    Local, //!< On the user's machine: empty and "local" mean the system's zone.
    Server, //!< On the server: empty means UTC; "local" (the server's zone) is refused.
};

//! \brief "UTC" (any case), "Z", an offset ("+09:00", "-0530", "+9", with an
//! optional "UTC" or "GMT" prefix, at most 14:59), an IANA name
//! ("Asia/Tokyo"), or (Local only) "local". Nothing for anything else.
std::optional<QTimeZone> parse(const QString &text, Context context);

} // namespace TimeZones
