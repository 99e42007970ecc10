#pragma once

#include "syncfixture.h"

#include <QJsonObject>
#include <QString>

//! Comparisons of server answers with the local report, shared by the sync tests.
namespace SyncCheck {

//! The local report's totals in the server's token field names.
QJsonObject tokensOfReport(const QJsonObject &totals);
//! Differences between the local report and the server for one user, for
//! every period (day, week, month, year, all) of the board in \a tz, and the
//! profile's all-time totals. Empty when exact. \a clients are the user's
//! devices; their reports are added up.
QString compareWithServer(SyncFixture &fixture, const QList<SyncFixture::Client> &clients,
                          const QString &username, const QString &tz);
//! `PRAGMA integrity_check` of a store ("ok" when sound).
QString integrity(const QString &dbPath);

} // namespace SyncCheck
