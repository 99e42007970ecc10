#pragma once

#include "core/usagerecord.h"
#include "ledger/dropreason.h"
#include "quota/quotaobservation.h"

#include <QByteArray>

#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

//! \brief What one row of an agent's database produced, so that a later read
//! can replace exactly that row's contribution (OpenCode, by message id).
struct RowOutcome
{
    enum Kind : std::uint8_t { Nothing = 0, Record = 1, Dropped = 2, Malformed = 3 };

    std::uint64_t rowKey = 0; //!< hash of the row's id
    std::int64_t updated = 0; //!< the row's time_updated
    std::int32_t record = -1; //!< index into ParseResult::records for Kind Record
    Kind kind = Nothing;
    std::uint8_t reason = 0; //!< DropReason or MalformedReason

    //! One integer for the store: 0 nothing, 1 record, 0x100 + drop, 0x200 + malformed.
    std::int64_t code() const
    {
        return kind == Dropped ? 0x100 + reason : kind == Malformed ? 0x200 + reason : kind;
    }
    static RowOutcome fromCode(std::int64_t code)
    {
        RowOutcome o;
        if (code >= 0x200) {
            o.kind = Malformed;
            o.reason = std::uint8_t(code - 0x200);
        } else if (code >= 0x100) {
            o.kind = Dropped;
            o.reason = std::uint8_t(code - 0x100);
        } else {
            o.kind = Kind(code);
        }
        return o;
    }
};

//! \brief What one read of one file produced.
struct ParseResult
{
    std::vector<UsageRecord> records;
    std::vector<std::string> models; //!< names indexed by UsageRecord::model
    std::vector<std::string> sessions; //!< ids indexed by UsageRecord::session
    DropCounts drops; //!< dropped inside the file (Codex re-emits, zero usage, ...)
    MalformedCounts malformed; //!< lines skipped whole, by reason
    std::int64_t linesRead = 0;
    std::int64_t consumedBytes = 0; //!< bytes up to the last complete line
    std::int64_t pendingBytes = 0; //!< a half-written last line that waits for its end
    QByteArray state; //!< parser state to resume from (Codex: totals, model)
    //! Input: records dated after this (UTC ms) are dropped as FutureTimestamp.
    std::int64_t notAfterMs = std::numeric_limits<std::int64_t>::max();
    //! OpenCode database: what each message row read this time produced.
    std::vector<RowOutcome> rows;
    //! Rate-limit windows the file reported (Codex; docs/agents/quota.md).
    QuotaReadings quota;

    std::int64_t malformedLines() const { return malformed.total(); }

    std::uint32_t internModel(std::string_view name) { return intern(models, m_modelIndex, name); }
    std::uint32_t internSession(std::string_view id)
    {
        return intern(sessions, m_sessionIndex, id);
    }

private:
    static std::uint32_t intern(std::vector<std::string> &list,
                                std::unordered_map<std::string, std::uint32_t> &index,
                                std::string_view name)
    {
        auto it = index.find(std::string(name));
        if (it != index.end())
            return it->second;
        const auto id = std::uint32_t(list.size());
        list.emplace_back(name);
        index.emplace(list.back(), id);
        return id;
    }
    std::unordered_map<std::string, std::uint32_t> m_modelIndex;
    std::unordered_map<std::string, std::uint32_t> m_sessionIndex;
};

//! \brief Calls \a fn(begin, end, offset) for each complete line of [data, data+size)
//! (without its newline) and returns the number of bytes consumed; a last line
//! without a newline is left for the next read.
template<typename Fn> std::int64_t forEachLine(const char *data, std::int64_t size, Fn &&fn)
{
    const char *p = data;
    const char *end = data + size;
    while (p < end) {
        const auto *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!nl)
            break;
        fn(p, nl, std::int64_t(p - data));
        p = nl + 1;
    }
    return std::int64_t(p - data);
}
