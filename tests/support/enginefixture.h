#pragma once

#include "ledger/scanner.h"
#include "report/report.h"
#include "sources/sourceenvironment.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

//! \brief Scans a generated HOME into a store and reads back per (UTC day,
//! agent, model) rows, for comparison with the generator's expected.json.
namespace EngineFixture {

//! Numbers of one (date, agent, model) row, as in expected.json.
struct Numbers
{
    qint64 input = 0, output = 0, cacheRead = 0, cacheWrite = 0, reasoning = 0, total = 0;
    qint64 messages = 0, sessions = 0;
    bool operator==(const Numbers &) const = default;
};
using Rows = QMap<QString, Numbers>; //!< key "date|agent|model"

//! "Now" for tests over generated homes (2027-06-01T00:00:00Z, TOKENTALLY_NOW
//! in the CTest environment): after every generated day, so that only the
//! generator's 2099 records are "in the future", whatever the real clock says.
inline constexpr qint64 FixtureNowMs = 1811808000000;
//! Pins Clock::nowMs() to FixtureNowMs in this process.
void pinClock();

SourceEnvironment environmentFor(const QString &home);
//! Opens (creating) \a dbPath and scans \a home; fails the test on error.
bool scan(const QString &home, const QString &dbPath, ScanStats *stats, QString *error);
//! The daily --breakdown report in UTC, as rows.
Rows reportRows(const QString &dbPath);
Numbers reportTotals(const QString &dbPath);
Rows expectedRows(const QJsonObject &expected);
Numbers numbersOf(const QJsonObject &o);
QJsonObject readJson(const QString &path);
//! Human-readable differences between two row sets (empty when equal).
QString diff(const Rows &expected, const Rows &actual);

} // namespace EngineFixture
