// Claude Code transcripts (JSONL) into ClaudeParser: a whole file, and the same
// bytes read in two parts as the scanner reads a file that grows (the second
// read starts at the first one's consumed offset). Both reads must give the
// same records: a line is never lost, doubled or changed by where a read ends.

#include "fuzzsupport.h"
#include "recordcheck.h"
#include "sources/claudeparser.h"
#include "sources/jsonaccess.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const SourceFile file = [] {
        SourceFile f;
        f.path =
            u"/fuzz/.claude/projects/-home-fuzz-app/5f0c2a9e-1b2c-4d3e-8f90-123456789abc.jsonl"_s;
        f.agent = Agent::ClaudeCode;
        return f;
    }();
    const FuzzSupport::PaddedBuffer buffer(data, size, JsonAccess::Padding);

    ParseResult whole;
    ClaudeParser::parse(file, buffer.data(), buffer.size(), 0, whole);
    RecordCheck::basic(whole, buffer.data(), buffer.size(), true);

    // The first read sees only a prefix, as if the writer was mid-line. Its own
    // padding: the bytes after the cut must not be visible to it.
    const std::int64_t cut = std::int64_t(FuzzSupport::hashOf(data, size) % (size + 1));
    const FuzzSupport::PaddedBuffer prefix(data, std::size_t(cut), JsonAccess::Padding);
    ParseResult first;
    ClaudeParser::parse(file, prefix.data(), prefix.size(), 0, first);
    RecordCheck::basic(first, prefix.data(), prefix.size(), true);
    const std::int64_t resumeAt = first.consumedBytes;
    const FuzzSupport::PaddedBuffer rest(data + resumeAt, size - std::size_t(resumeAt),
                                         JsonAccess::Padding);
    ParseResult second;
    ClaudeParser::parse(file, rest.data(), rest.size(), resumeAt, second);
    RecordCheck::basic(second, rest.data(), rest.size(), true);

    std::vector<RecordCheck::Flat> parts = RecordCheck::flatten(first);
    const std::vector<RecordCheck::Flat> tail = RecordCheck::flatten(second);
    parts.insert(parts.end(), tail.begin(), tail.end());
    FUZZ_CHECK(parts == RecordCheck::flatten(whole));
    FUZZ_CHECK(resumeAt + second.consumedBytes == whole.consumedBytes);
    FUZZ_CHECK(first.linesRead + second.linesRead == whole.linesRead);
    return 0;
}
