#pragma once

#include "core/usagerecord.h"
#include "ledger/dropreason.h"

#include <QByteArray>

#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

//! \brief What one read of one file produced.
struct ParseResult
{
    std::vector<UsageRecord> records;
    std::vector<std::string> models; //!< names indexed by UsageRecord::model
    std::vector<std::string> sessions; //!< ids indexed by UsageRecord::session
    DropCounts drops; //!< dropped inside the file (Codex re-emits, zero usage, ...)
    std::int64_t malformedLines = 0;
    std::int64_t linesRead = 0;
    std::int64_t consumedBytes = 0; //!< bytes up to the last complete line
    std::int64_t pendingBytes = 0; //!< a half-written last line that waits for its end
    QByteArray state; //!< parser state to resume from (Codex: totals, model)

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
