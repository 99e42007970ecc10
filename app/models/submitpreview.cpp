#include "submitpreview.h"

#include "sync/syncengine.h"

#include <algorithm>

SubmitPreview SubmitPreview::fromResult(const SubmitResult &result)
{
    SubmitPreview p;
    p.ready = true;
    if (!result.ok()) {
        p.error = result.error.isEmpty() ? SubmitResult::outcomeName(result.outcome) : result.error;
        return p;
    }
    p.heldBack = int(result.rejected.size());
    p.bodies = int(result.dryRunBodies.size());
    std::int64_t first = -1;
    std::int64_t last = -1;
    for (qsizetype i = 0; i < result.dryRunBodies.size(); ++i) {
        Submission s;
        QString error;
        if (!WireCodec::parse(result.dryRunBodies.at(i), &s, &error)) {
            // The engine wrote it with the same codec: this would be a bug there.
            p.error = error;
            return p;
        }
        p.rows += int(s.buckets.size());
        for (const WireBucket &b : std::as_const(s.buckets)) {
            first = first < 0 ? b.hour : std::min(first, b.hour);
            last = std::max(last, b.hour);
        }
        if (i + 1 == result.dryRunBodies.size() && !s.buckets.isEmpty()) {
            p.sampleIndex = int(i);
            p.sample = result.dryRunBodies.at(i);
            p.sampleRow = *std::max_element(
                s.buckets.cbegin(), s.buckets.cend(),
                [](const WireBucket &a, const WireBucket &b) { return a.hour < b.hour; });
        }
    }
    if (first >= 0) {
        p.firstDay = WireCodec::formatHour(first).left(10);
        p.lastDay = WireCodec::formatHour(last).left(10);
    }
    return p;
}
