#include "syncstatusformat.h"

using namespace Qt::StringLiterals;

QString SyncStatusFormat::ago(std::int64_t thenMs, std::int64_t nowMs)
{
    const std::int64_t s = std::max<std::int64_t>(0, (nowMs - thenMs) / 1000);
    if (s < 60)
        return tr("just now");
    if (s < 3600)
        return tr("%n min ago", nullptr, int(s / 60));
    if (s < 86400)
        return tr("%n h ago", nullptr, int(s / 3600));
    return tr("%n day(s) ago", nullptr, int(s / 86400));
}

QString SyncStatusFormat::in(std::int64_t delayMs)
{
    // Rounded up: "in 0 s" would be a lie a moment before the try.
    const std::int64_t s = std::max<std::int64_t>(1, (delayMs + 999) / 1000);
    if (s < 60)
        return tr("in %n s", nullptr, int(s));
    if (s < 3600)
        return tr("in %n min", nullptr, int((s + 59) / 60));
    return tr("in %n h", nullptr, int((s + 3599) / 3600));
}

QString SyncStatusFormat::result(const QString &name)
{
    if (name == u"sent" || name == u"nothing to send")
        return tr("ok");
    if (name == u"offline")
        return tr("offline");
    if (name == u"rate limited")
        return tr("rate limited");
    if (name == u"signed out")
        return tr("signed out");
    if (name == u"not signed in")
        return tr("not signed in");
    if (name == u"refused")
        return tr("refused by the server");
    if (name == u"server error")
        return tr("server error");
    if (name == u"conflict")
        return tr("conflict");
    if (name == u"store error")
        return tr("local store error");
    return name;
}

QString SyncStatusFormat::lastSyncLine(const SyncStatus &s, std::int64_t nowMs)
{
    if (!s.storeError.isEmpty())
        return tr("Sync unavailable: the local store cannot be opened");
    if (!s.signedIn)
        return tr("Sync: not signed in");
    if (s.signedOut)
        return tr("Sync: signed out by the server");
    if (s.activity == SyncStatus::Activity::Submitting)
        return tr("Syncing…");
    if (s.lastAttemptMs <= 0)
        return tr("Last sync: never");
    const QString when = ago(s.lastAttemptMs, nowMs);
    if (!s.lastOk() && s.nextAttemptMs > 0)
        return tr("Last sync: %1 · %2 · retry %3")
            .arg(when, result(s.lastResult), in(s.nextAttemptMs - nowMs));
    return tr("Last sync: %1 · %2").arg(when, result(s.lastResult));
}

QStringList SyncStatusFormat::details(const SyncStatus &s)
{
    QStringList lines;
    if (!s.storeError.isEmpty())
        lines << s.storeError;
    if (!s.signedIn)
        return lines;
    if (s.signedOut)
        lines << tr("The server no longer accepts this sign-in: sign in again.");
    else if (!s.lastOk() && !s.lastError.isEmpty())
        lines << s.lastError;
    if (s.paused)
        lines << tr("Auto-submit is paused until you submit by hand or sign in again.");
    if (s.pendingDays > 0)
        lines << tr("%n day(s) waiting to be sent", nullptr, s.pendingDays);
    if (s.rowsNotSent > 0)
        lines << tr("%n hourly row(s) not sent (see What left this machine)", nullptr,
                    s.rowsNotSent);
    return lines;
}
