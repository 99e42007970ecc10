// The five agents of issue 11 (Gemini CLI, Qwen Code, Amp, Droid, Kimi CLI)
// through their UsageSource: the first byte picks the agent and the file (for
// Gemini a whole .json session or a .jsonl log), the rest is the file. Each
// file is described by the source's own classify(), as discovery does. Append
// logs are also read in two parts, as the scanner reads a file that grows:
// both reads together give exactly the records of one.

#include "fuzzsupport.h"
#include "recordcheck.h"
#include "sources/jsonaccess.h"
#include "sources/sourceregistry.h"
#include "sources/usagesource.h"

using namespace Qt::StringLiterals;

namespace {

struct Pick
{
    Agent agent;
    const char *root;
    std::vector<std::string> rel; // below the tree, file name last
};

const Pick Picks[] = {
    {Agent::GeminiCli,
     "/fuzz/.gemini/tmp",
     {"3f7a", "chats", "session-2026-11-30T10-00-1a2b.jsonl"}},
    {Agent::GeminiCli,
     "/fuzz/.gemini/tmp",
     {"3f7a", "chats", "session-2026-11-30T10-00-1a2b.json"}},
    {Agent::QwenCode, "/fuzz/.qwen/projects", {"-home-fuzz-app", "chats", "5f0c2a9e-1b2c.jsonl"}},
    {Agent::Amp, "/fuzz/.local/share/amp/threads", {"T-5f0c2a9e-1b2c-4d3e-8f90.json"}},
    {Agent::Droid, "/fuzz/.factory/sessions", {"-home-fuzz-app", "5f0c2a9e-1b2c.settings.json"}},
    {Agent::KimiCli, "/fuzz/.kimi/sessions", {"0cc175b9c0f1b6a8", "5f0c2a9e-1b2c", "wire.jsonl"}},
};

SourceFile describe(const Pick &pick)
{
    SourceFile f;
    f.agent = pick.agent;
    QString path = QString::fromLatin1(pick.root);
    for (const std::string &part : pick.rel)
        path += u'/' + QString::fromStdString(part);
    f.path = path;
    if (!SourceRegistry::of(pick.agent).classify(pick.rel, f))
        FuzzSupport::fail("the harness's path is no usage file", __FILE__, __LINE__);
    return f;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    constexpr std::size_t PickCount = sizeof(Picks) / sizeof(Picks[0]);
    const Pick &pick = Picks[data[0] % PickCount];
    const SourceFile file = describe(pick);
    const UsageSource &source = SourceRegistry::of(pick.agent);
    ++data;
    --size;
    const bool lineBased = file.kind == SourceKind::AppendLog;

    const FuzzSupport::PaddedBuffer buffer(data, size, JsonAccess::Padding);
    ParseResult whole;
    source.parse(file, buffer.data(), buffer.size(), 0, {}, whole);
    RecordCheck::basic(whole, buffer.data(), buffer.size(), lineBased);
    if (!lineBased) {
        // A whole file read again with the state its first read left (Droid
        // keeps its counters there) never counts a negative or zero delta.
        ParseResult again;
        source.parse(file, buffer.data(), buffer.size(), 0, whole.state, again);
        RecordCheck::basic(again, buffer.data(), buffer.size(), false);
        return 0;
    }

    const std::int64_t cut = std::int64_t(FuzzSupport::hashOf(data, size) % (size + 1));
    const FuzzSupport::PaddedBuffer prefix(data, std::size_t(cut), JsonAccess::Padding);
    ParseResult first;
    source.parse(file, prefix.data(), prefix.size(), 0, {}, first);
    RecordCheck::basic(first, prefix.data(), prefix.size(), true);
    const std::int64_t resumeAt = first.consumedBytes;
    const FuzzSupport::PaddedBuffer rest(data + resumeAt, size - std::size_t(resumeAt),
                                         JsonAccess::Padding);
    ParseResult second;
    source.parse(file, rest.data(), rest.size(), resumeAt, first.state, second);
    RecordCheck::basic(second, rest.data(), rest.size(), true);
    std::vector<RecordCheck::Flat> parts = RecordCheck::flatten(first);
    const std::vector<RecordCheck::Flat> tail = RecordCheck::flatten(second);
    parts.insert(parts.end(), tail.begin(), tail.end());
    FUZZ_CHECK(parts == RecordCheck::flatten(whole));
    FUZZ_CHECK(resumeAt + second.consumedBytes == whole.consumedBytes);
    return 0;
}
