// Codex rollout files (JSONL) into CodexParser, whose per-file state (the last
// cumulative total, model, session, sub-agent burst) is carried from one read
// to the next through ParseResult::state.
//
// Input: a file's bytes; or 0xFF, a resume state, 0x00, then the file (the
// state comes from the store, which a crash or an old version may have left
// odd). Without a state, the file is also read in two parts, the second
// resuming from the first one's state, and both reads must give the same
// records, except in sub-agent files, where a first read that ends inside the
// leading replay burst counts the event it holds back (documented in
// codexparser.cpp).

#include "fuzzsupport.h"
#include "recordcheck.h"
#include "sources/codexparser.h"
#include "sources/jsonaccess.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const SourceFile file = [] {
        SourceFile f;
        f.path = u"/fuzz/.codex/sessions/2026/01/05/"
                 "rollout-2026-01-05T14-02-11-019a0f3e-6c1d-7b2a-9e8f-0123456789ab.jsonl"_s;
        f.agent = Agent::Codex;
        return f;
    }();
    QByteArray state;
    const std::string_view all(reinterpret_cast<const char *>(data), size);
    std::string_view text = all;
    if (!all.empty() && std::uint8_t(all.front()) == 0xFF) {
        const std::size_t end = all.find('\0');
        if (end == std::string_view::npos)
            return 0;
        state = QByteArray(all.data() + 1, qsizetype(end - 1));
        text = all.substr(end + 1);
    }
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(text.data());
    const FuzzSupport::PaddedBuffer buffer(bytes, text.size(), JsonAccess::Padding);

    ParseResult whole;
    CodexParser::parse(file, buffer.data(), buffer.size(), 0, state, whole);
    RecordCheck::basic(whole, buffer.data(), buffer.size(), true);
    // The state it returns is what the next read starts from: it must read back.
    ParseResult again;
    CodexParser::parse(file, buffer.data() + buffer.size(), 0, buffer.size(), whole.state, again);
    FUZZ_CHECK(again.records.empty());
    FUZZ_CHECK(again.state == whole.state);
    if (!state.isEmpty())
        return 0;

    const std::int64_t cut = std::int64_t(FuzzSupport::hashOf(data, size) % (text.size() + 1));
    const FuzzSupport::PaddedBuffer prefix(bytes, std::size_t(cut), JsonAccess::Padding);
    ParseResult first;
    CodexParser::parse(file, prefix.data(), prefix.size(), 0, {}, first);
    RecordCheck::basic(first, prefix.data(), prefix.size(), true);
    const std::int64_t resumeAt = first.consumedBytes;
    const FuzzSupport::PaddedBuffer rest(bytes + resumeAt, text.size() - std::size_t(resumeAt),
                                         JsonAccess::Padding);
    ParseResult second;
    CodexParser::parse(file, rest.data(), rest.size(), resumeAt, first.state, second);
    RecordCheck::basic(second, rest.data(), rest.size(), true);
    FUZZ_CHECK(resumeAt + second.consumedBytes == whole.consumedBytes);
    if (text.find("thread_spawn") != std::string_view::npos)
        return 0;
    std::vector<RecordCheck::Flat> parts = RecordCheck::flatten(first);
    const std::vector<RecordCheck::Flat> tail = RecordCheck::flatten(second);
    parts.insert(parts.end(), tail.begin(), tail.end());
    FUZZ_CHECK(parts == RecordCheck::flatten(whole));
    FUZZ_CHECK(second.state == whole.state);
    return 0;
}
