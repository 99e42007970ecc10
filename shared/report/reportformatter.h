#pragma once

#include "report/report.h"

#include <QByteArray>
#include <QJsonObject>

struct AccountingStats;
struct ScanStats;

//! \brief Renders reports as JSON (the contract of DESIGN.md §3), CSV, or a
//! readable table.
class ReportFormatter
{
public:
    static QByteArray json(const Report &report);
    static QByteArray csv(const Report &report);
    static QString table(const Report &report);
    static QJsonObject rowObject(const ReportRow &row, const Report &report, bool withKeys);
    //! \brief 1234567 -> "1,234,567".
    static QString grouped(std::int64_t n);
    //! \brief "$12.30", "<$0.01", or "unpriced".
    static QString money(const std::optional<double> &usd);
    //! \brief "Skipped: 3 malformed lines (not-json 2, negative-count 1); ..."
    //! or "Skipped: nothing".
    static QString skippedLine(const SkippedInput &skipped);
    static QJsonObject skippedObject(const SkippedInput &skipped);
};
