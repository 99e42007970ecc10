#pragma once

#include "quota/quotastatus.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// When to warn about quota use: the tray icon's tint, and desktop
// notifications at the warning and critical percentages and when a window
// resets, each at most once per window (the window instance is known by its
// reset time). What was notified is kept by the caller (Settings), so a
// restart does not notify again. Only observed readings count: a cached one
// tints the icon but never notifies, since Claude Code may have refreshed
// nothing for days.
class QuotaAlerts
{
    Q_DECLARE_TR_FUNCTIONS(QuotaAlerts)

public:
    struct Options
    {
        bool enabled = true;
        int warnPercent = 80;
        int criticalPercent = 95;
        bool onReset = true;
    };
    enum class Level { Normal, Warn, Critical };

    struct Alert
    {
        QString title;
        QString message;
        bool critical = false;
    };

    // A reset is news for this long after it happened.
    static constexpr std::int64_t ResetNewsMs = 60 * 60 * 1000;
    // Keys of windows that reset longer ago than this are forgotten.
    static constexpr std::int64_t ForgetAfterMs = 40LL * 24 * 3600 * 1000;

    // The highest level any current (not reset) window reaches.
    static Level level(const std::vector<QuotaEntry> &entries, const Options &options);
    // The notifications due at \a nowMs that \a notified does not hold yet;
    // their keys are added to \a notified and stale keys dropped.
    static std::vector<Alert> due(const std::vector<QuotaEntry> &entries, const Options &options,
                                  std::int64_t nowMs, QStringList *notified);
    // "codex/5h/1783087200" (the reset time, else the window's slot of time).
    static QString windowKey(const QuotaEntry &entry);
};
