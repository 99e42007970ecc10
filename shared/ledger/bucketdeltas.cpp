#include "bucketdeltas.h"

#include "core/timestamps.h"
#include "store/bulkinsert.h"
#include "store/database.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

size_t BucketDeltas::KeyHash::operator()(const Key &k) const
{
    return size_t(std::uint64_t(k.hour) * 0x9E3779B97F4A7C15ULL ^ (std::uint64_t(k.model) << 40) ^
                  (std::uint64_t(k.session) << 8) ^ k.agent);
}

std::int64_t BucketDeltas::nanoUsd(double cost)
{
    return std::isnan(cost) ? 0 : std::llround(cost * 1e9);
}

void BucketDeltas::add(const StoredRecord &r, int sign)
{
    Sum &b = m_map[{hourStartSeconds(r.timestampMs), r.agent, r.modelId, r.sessionId}];
    b.input += sign * r.input;
    b.cacheWrite += sign * r.cacheWrite;
    b.cacheRead += sign * r.cacheRead;
    b.output += sign * r.output;
    b.reasoning += sign * r.reasoning;
    b.messages += sign;
    if (std::isnan(r.cost))
        b.unpriced += sign;
    else
        b.costNano += sign * nanoUsd(r.cost);
    m_counted += sign;
}

void BucketDeltas::clear()
{
    m_map.clear();
    m_counted = 0;
}

bool BucketDeltas::write(Database &db)
{
    BulkInsert st(db,
                  "INSERT INTO usage(hour, agent, model_id, session_id, input, cache_write, "
                  "cache_read, output, reasoning, messages, cost, unpriced)",
                  12,
                  "ON CONFLICT(hour, agent, model_id, session_id) DO UPDATE SET "
                  "input = input + excluded.input, "
                  "cache_write = cache_write + excluded.cache_write, "
                  "cache_read = cache_read + excluded.cache_read, "
                  "output = output + excluded.output, "
                  "reasoning = reasoning + excluded.reasoning, "
                  "messages = messages + excluded.messages, "
                  "cost = cost + excluded.cost, unpriced = unpriced + excluded.unpriced");
    std::vector<std::pair<Key, Sum>> sorted(m_map.begin(), m_map.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        const auto &x = a.first, &y = b.first;
        return std::tie(x.hour, x.agent, x.model, x.session) <
            std::tie(y.hour, y.agent, y.model, y.session);
    });
    bool emptied = false;
    for (const auto &[k, b] : sorted) {
        if (b.messages == 0 && b.input == 0 && b.cacheWrite == 0 && b.cacheRead == 0 &&
            b.output == 0 && b.reasoning == 0 && b.costNano == 0 && b.unpriced == 0)
            continue;
        emptied = emptied || b.messages < 0;
        st.value(k.hour).value(std::int64_t(k.agent)).value(std::int64_t(k.model));
        st.value(std::int64_t(k.session)).value(b.input).value(b.cacheWrite);
        st.value(b.cacheRead).value(b.output).value(b.reasoning).value(b.messages);
        st.value(b.costNano).value(b.unpriced);
        if (!st.endRow())
            return false;
    }
    if (!st.flush())
        return false;
    return !emptied || db.exec("DELETE FROM usage WHERE messages <= 0");
}
