// OpenCode usage into OpenCodeReader: a legacy message file
// (storage/message/<session>/<msg>.json), or, when the input starts with
// "DB\n", the rows of an opencode.db `message` table: rows separated by
// "\n--\n", each "id<TAB>session_id<TAB>data" (a leading '!' on data stores
// it as a BLOB, as a database another program wrote may hold).

#include "fuzzsupport.h"
#include "recordcheck.h"
#include "sources/jsonaccess.h"
#include "sources/opencodereader.h"

#include <QFile>

#include <sqlite3.h>

#include <string>

using namespace Qt::StringLiterals;

namespace {

void messageFile(const std::uint8_t *data, std::size_t size)
{
    static const SourceFile file = [] {
        SourceFile f;
        f.path = u"/fuzz/opencode/storage/message/ses_fuzz/msg_fuzz.json"_s;
        f.agent = Agent::OpenCode;
        f.kind = SourceKind::WholeJson;
        f.sessionHint = u"ses_fuzz"_s;
        return f;
    }();
    const FuzzSupport::PaddedBuffer buffer(data, size, JsonAccess::Padding);
    ParseResult out;
    OpenCodeReader::parseMessageFile(file, buffer.data(), buffer.size(), out);
    RecordCheck::basic(out, buffer.data(), buffer.size(), false);
    FUZZ_CHECK(out.records.size() <= 1);
}

bool writeDatabase(const QString &path, std::string_view rows)
{
    QFile::remove(path);
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    sqlite3_exec(
        db,
        "BEGIN; CREATE TABLE message (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, "
        "time_created INTEGER NOT NULL, time_updated INTEGER NOT NULL, data TEXT NOT NULL)",
        nullptr, nullptr, nullptr);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO message VALUES (?1, ?2, ?3, ?3, ?4)", -1, &st,
                       nullptr);
    std::int64_t n = 0;
    for (std::string_view row : FuzzSupport::split(rows, "\n--\n", 64)) {
        const auto f = FuzzSupport::split(row, "\t", 3);
        if (f.size() != 3)
            continue;
        sqlite3_bind_text(st, 1, f[0].data(), int(f[0].size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, f[1].data(), int(f[1].size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, ++n);
        if (!f[2].empty() && f[2].front() == '!')
            sqlite3_bind_blob(st, 4, f[2].data() + 1, int(f[2].size() - 1), SQLITE_TRANSIENT);
        else
            sqlite3_bind_text(st, 4, f[2].data(), int(f[2].size()), SQLITE_TRANSIENT);
        sqlite3_step(st);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    const bool ok = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// Reads every row whatever the reader's signature (the row-by-row reader with
// its known rows, or the older whole-table one).
template<typename Reader = OpenCodeReader>
bool readAll(const SourceFile &file, ParseResult &out, QString *error)
{
    if constexpr (requires(ParseResult & o, QString * e) { Reader::readDatabase(file, o, e); }) {
        return Reader::readDatabase(file, out, error);
    } else {
        const typename Reader::KnownRows known;
        std::int64_t bytes = 0;
        return Reader::readDatabase(file, known, out, &bytes, error);
    }
}

void database(std::string_view rows)
{
    const QString path = FuzzSupport::scratchDir() + u"/opencode.db"_s;
    if (!writeDatabase(path, rows))
        return;
    SourceFile file;
    file.path = path;
    file.agent = Agent::OpenCode;
    file.kind = SourceKind::SqliteDb;
    ParseResult out;
    QString error;
    FUZZ_CHECK(readAll(file, out, &error));
    RecordCheck::basic(out, nullptr, 0, false);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    if (text.substr(0, 3) == "DB\n")
        database(text.substr(3));
    else
        messageFile(data, size);
    return 0;
}
