#pragma once

#include "sync/syncstatus.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>

// Sync state as the tray and the settings show it, in the current language:
// "Last sync: 2 min ago · ok", or what went wrong and when the next try runs.
class SyncStatusFormat
{
    Q_DECLARE_TR_FUNCTIONS(SyncStatusFormat)

public:
    // "just now", "5 min ago", "3 h ago", "2 days ago".
    static QString ago(std::int64_t thenMs, std::int64_t nowMs);
    // "in 20 s", "in 4 min", "in 2 h".
    static QString in(std::int64_t delayMs);
    // "ok" for a submit that went through; otherwise the outcome in words ("offline").
    static QString result(const QString &outcomeName);
    // One line for the tray menu.
    static QString lastSyncLine(const SyncStatus &status, std::int64_t nowMs);
    // More lines for tooltips: the error, days waiting, rows not sent, a pause.
    static QStringList details(const SyncStatus &status);
};
