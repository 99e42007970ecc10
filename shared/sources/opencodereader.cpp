#include "opencodereader.h"

#include "core/hash64.h"
#include "sources/jsonaccess.h"
#include "store/database.h"

#include <QFile>

#include <string>

#include <sys/stat.h>

using namespace JsonAccess;
using namespace Qt::StringLiterals;

namespace {

// Parses one message JSON (a file or a db row) into at most one record; \a id
// and \a session come from the db columns when the JSON lacks them. Counts what
// it dropped or found malformed in \a out and says what the row produced.
RowOutcome addMessage(const char *data, size_t size, std::string_view id, std::string_view session,
                      bool fromDb, ParseResult &out)
{
    thread_local simdjson::dom::parser parser;
    RowOutcome outcome;
    auto malformed = [&](MalformedReason reason) {
        ++out.malformed[reason];
        outcome.kind = RowOutcome::Malformed;
        outcome.reason = std::uint8_t(reason);
        return outcome;
    };
    auto dropped = [&](DropReason reason) {
        ++out.drops[reason];
        outcome.kind = RowOutcome::Dropped;
        outcome.reason = std::uint8_t(reason);
        return outcome;
    };
    simdjson::dom::element doc;
    simdjson::dom::object obj;
    if (parser.parse(data, size, false).get(doc) != simdjson::SUCCESS ||
        doc.get_object().get(obj) != simdjson::SUCCESS)
        return malformed(MalformedReason::NotJson);
    std::string idBuf(id), sessionBuf(session), model = "unknown";
    if (auto v = string(obj, "id"))
        idBuf = std::string(*v);
    if (auto v = string(obj, "sessionID"))
        sessionBuf = std::string(*v);
    const auto role = string(obj, "role");
    if (role && *role != "assistant")
        return outcome;
    if (auto v = string(obj, "modelID"); v && !v->empty())
        model = std::string(*v);
    auto tokensField = obj.at_key("tokens");
    simdjson::dom::object tokens;
    if (tokensField.error() || tokensField.get_object().get(tokens) != simdjson::SUCCESS)
        return outcome; // user messages carry no tokens
    CountReader count;
    TokenCounts t;
    t.input = count(tokens, "input");
    const std::int64_t output = count(tokens, "output");
    t.reasoning = count(tokens, "reasoning");
    // OpenCode keeps reasoning apart from output and bills it as output.
    t.output = output + t.reasoning;
    auto cacheField = tokens.at_key("cache");
    simdjson::dom::object cache;
    if (!cacheField.error() && cacheField.get_object().get(cache) == simdjson::SUCCESS) {
        t.cacheRead = count(cache, "read");
        t.cacheWrite = count(cache, "write");
    }
    if (count.error())
        return malformed(*count.error());
    if (t.isZero())
        return dropped(DropReason::ZeroUsage);
    // time.created is epoch milliseconds: a count-like value, read as strictly.
    std::int64_t created = 0;
    auto timeField = obj.at_key("time");
    simdjson::dom::object timeObj;
    if (!timeField.error() && timeField.get_object().get(timeObj) == simdjson::SUCCESS) {
        CountReader time;
        created = time(timeObj, "created");
        if (time.error())
            created = 0;
    }
    if (created <= 0)
        return malformed(MalformedReason::BadTimestamp);
    if (created > out.notAfterMs)
        return dropped(DropReason::FutureTimestamp);
    UsageRecord r;
    r.agent = Agent::OpenCode;
    r.timestampMs = created;
    r.ordinal = 0;
    r.tokens = t;
    r.groupKey = idBuf.empty() ? 0 : OpenCodeReader::rowKey(idBuf);
    r.flags = fromDb ? RecordFromDatabase : 0;
    r.model = out.internModel(model);
    r.session = out.internSession(sessionBuf.empty() ? std::string_view("unknown") : sessionBuf);
    outcome.kind = RowOutcome::Record;
    outcome.record = std::int32_t(out.records.size());
    out.records.push_back(r);
    return outcome;
}

struct FileId
{
    bool exists = false;
    std::int64_t dev = 0, ino = 0, size = 0, mtimeNs = 0;
    bool operator==(const FileId &) const = default;
};

FileId fileId(const QByteArray &path)
{
    struct stat st
    {
    };
    FileId id;
    if (::stat(path.constData(), &st) == 0) {
        id.exists = true;
        id.dev = std::int64_t(st.st_dev);
        id.ino = std::int64_t(st.st_ino);
        id.size = st.st_size;
        id.mtimeNs = std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    }
    return id;
}

// Bytes 18 and 19 of the header are 2 for a database in WAL mode.
bool isWalMode(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = f.read(20);
    return header.size() == 20 && (header[18] == 2 || header[19] == 2);
}

bool readRows(Database &db, const SourceFile &file, const OpenCodeReader::KnownRows &known,
              ParseResult &out, std::int64_t *bytesRead, QString *error)
{
    // Pass 1: ids and update times only (the JSON column is not touched).
    // Without a time_updated column, a hash of the JSON stands in for it.
    struct Changed
    {
        std::uint64_t key;
        std::int64_t updated;
    };
    std::unordered_map<std::string, Changed> changed;
    bool byHash = false;
    {
        Statement list(db, "SELECT id, time_updated FROM message");
        if (!list.isValid()) {
            byHash = true;
            list = Statement(db, "SELECT id, data FROM message");
        }
        if (!list.isValid()) {
            if (error)
                *error = u"%1: no message table: %2"_s.arg(file.path, db.lastError());
            return false;
        }
        while (list.step()) {
            const std::string_view id = list.blobView(0);
            const std::uint64_t key = OpenCodeReader::rowKey(id);
            const std::int64_t updated =
                byHash ? std::int64_t(hash64(list.blobView(1), 12)) : list.int64(1);
            const auto it = known.find(key);
            if (it == known.end() || it->second != updated)
                changed.emplace(std::string(id), Changed {key, updated});
        }
    }
    if (changed.empty())
        return true;
    // Pass 2: the JSON of the changed rows, by primary key when they are few.
    std::string buffer;
    auto parseRow = [&](const std::string &id, const Changed &c, std::string_view session,
                        std::string_view json) {
        buffer.assign(json);
        buffer.append(size_t(Padding), '\0');
        ++out.linesRead;
        *bytesRead += std::int64_t(json.size());
        RowOutcome o = addMessage(buffer.data(), json.size(), id, session, true, out);
        o.rowKey = c.key;
        o.updated = c.updated;
        out.rows.push_back(o);
    };
    if (changed.size() <= 256) {
        Statement one(db, "SELECT session_id, data FROM message WHERE id = ?1");
        for (const auto &[id, c] : changed) {
            one.bind(1, std::string_view(id));
            if (one.step())
                parseRow(id, c, one.blobView(0), one.blobView(1));
            one.reset();
        }
    } else {
        Statement all(db, "SELECT id, session_id, data FROM message");
        while (all.step()) {
            const auto it = changed.find(std::string(all.blobView(0)));
            if (it != changed.end())
                parseRow(it->first, it->second, all.blobView(1), all.blobView(2));
        }
    }
    return true;
}

} // namespace

std::uint64_t OpenCodeReader::rowKey(std::string_view messageId)
{
    return hash64(messageId, 4);
}

void OpenCodeReader::parseMessageFile(const SourceFile &file, const char *data, std::int64_t size,
                                      ParseResult &out)
{
    out.linesRead = 1;
    out.consumedBytes = size;
    const std::string stem = file.path.section(u'/', -1).section(u'.', 0, 0).toStdString();
    const std::string session = file.sessionHint.toStdString();
    addMessage(data, size_t(size), stem, session, false, out);
}

bool OpenCodeReader::readDatabase(const SourceFile &file, const KnownRows &known, ParseResult &out,
                                  std::int64_t *bytesRead, QString *error)
{
    const QByteArray dbPath = file.path.toUtf8();
    const QByteArray walPath = dbPath + "-wal";
    for (int attempt = 0;; ++attempt) {
        const FileId before = fileId(dbPath);
        // No -wal: no writer. Immutable mode then creates no -wal/-shm, which a
        // read-only connection otherwise leaves behind in OpenCode's folder.
        const bool immutable = attempt < 2 && !fileId(walPath).exists && isWalMode(file.path);
        Database db;
        const bool opened =
            immutable ? db.openImmutable(file.path, error) : db.open(file.path, true, error);
        if (!opened)
            return false;
        ParseResult result;
        result.notAfterMs = out.notAfterMs;
        std::int64_t bytes = 0;
        if (!readRows(db, file, known, result, &bytes, error))
            return false;
        db.close();
        // A writer that started meanwhile may have checkpointed into the file
        // under an immutable reader: read again, normally.
        if (immutable && (fileId(walPath).exists || fileId(dbPath) != before))
            continue;
        result.consumedBytes = 0;
        out = std::move(result);
        *bytesRead = bytes;
        return true;
    }
}
