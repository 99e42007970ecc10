#pragma once

#include "core/agent.h"

#include <QDate>
#include <QString>
#include <QTimeZone>

#include <optional>

enum class ReportKind { Daily, Weekly, Monthly, Session, Model, Agent };

//! \brief What `tokentally report` was asked for (DESIGN.md §3).
struct ReportQuery
{
    ReportKind kind = ReportKind::Daily;
    std::optional<QDate> since; //!< first local day, inclusive
    std::optional<QDate> until; //!< last local day, inclusive
    std::optional<Agent> agent;
    QTimeZone timeZone = QTimeZone::systemTimeZone();
    bool breakdown = false; //!< split rows by agent and model

    static std::optional<ReportKind> kindFromName(QStringView name);
    static QString kindName(ReportKind kind);
    //! \brief "YYYY-MM-DD" or "YYYYMMDD".
    static std::optional<QDate> parseDate(const QString &text);
    //! \brief An IANA name ("Asia/Tokyo"), "UTC", "local", or an offset ("+09:00", "-0530").
    static std::optional<QTimeZone> parseTimeZone(const QString &text);
};
