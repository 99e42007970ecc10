#pragma once

#include "wire/wirecodec.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <optional>

struct SubmitResult;

// What a submit would send, from a dry run (SyncEngine::submit with dryRun):
// how many bodies and hourly rows, which UTC days, and one body byte for byte
// (the newest: it holds the most recent usage) with one of its rows to read.
// Built on the sync worker; the first-run wizard shows it.
struct SubmitPreview
{
    bool ready = false; // false: not built (yet)
    QString error; // the dry run failed: why
    int bodies = 0;
    int rows = 0; // hourly rows over all bodies
    int heldBack = 0; // rows that would not be sent (see SyncEngine)
    QString firstDay; // "YYYY-MM-DD" (UTC) of the oldest row, empty without rows
    QString lastDay;
    int sampleIndex = -1; // which body the sample is (0-based), -1 without bodies
    QByteArray sample; // that body's exact bytes
    std::optional<WireBucket> sampleRow; // its newest hourly row

    bool isEmpty() const { return ready && error.isEmpty() && bodies == 0; }
    static SubmitPreview fromResult(const SubmitResult &result);
};

Q_DECLARE_METATYPE(SubmitPreview)
