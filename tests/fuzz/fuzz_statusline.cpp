// What Claude Code pipes into `tokentally statusline` (one JSON object) into
// StatuslineInput::parse, then the figures computed from a real (empty but
// migrated) store for it. Claude Code's input is trusted by nobody here: any
// bytes must give an answer or a refusal with a reason, never a crash, and the
// quota windows kept must be plausible (a percentage within 0..1000, a reset
// time within the calendar QDateTime can print).

#include "fuzzsupport.h"
#include "report/statusline.h"
#include "store/localstore.h"

#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

LocalStore *g_store = nullptr;

// 9999-12-31T23:59:59Z: the last second a reset time may name.
constexpr std::int64_t LastSecond = 253402300799;

void checkLimit(const std::optional<StatuslineInput::Limit> &limit)
{
    if (!limit)
        return;
    FUZZ_CHECK(std::isfinite(limit->usedPercent));
    FUZZ_CHECK(limit->usedPercent >= 0 && limit->usedPercent <= 1000);
    if (limit->resetsAt)
        FUZZ_CHECK(*limit->resetsAt > 0 && *limit->resetsAt <= LastSecond);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::ensureCoreApplication();
    g_store = new LocalStore;
    QString error;
    if (!g_store->open(FuzzSupport::scratchDir() + u"/statusline.db"_s, &error))
        FuzzSupport::fail("cannot open the scratch store", __FILE__, __LINE__);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto input = StatuslineInput::parse(json, &error);
    if (!input) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    checkLimit(input->fiveHour);
    checkLimit(input->sevenDay);
    const std::int64_t now = 1'790'000'000'000; // 2026-09-21, a fixed instant
    const StatuslineFigures figures =
        StatuslineFigures::compute(*g_store, *input, now, QTimeZone::utc());
    FUZZ_CHECK(!figures.session); // the store holds no session
    FUZZ_CHECK(figures.today.messages == 0 && figures.today.costNanoUsd == 0);
    return 0;
}
