#include "opencodereader.h"

#include "core/hash64.h"
#include "pricing/pricetable.h"
#include "sources/jsonaccess.h"
#include "store/database.h"

#include <string>

using namespace JsonAccess;
using namespace Qt::StringLiterals;

namespace {

// Adds the record of one message JSON (file or db row). \a id and \a session
// come from the db columns when the JSON lacks them.
bool addMessage(const char *data, size_t size, std::string_view id, std::string_view session,
                bool fromDb, std::int64_t ordinal, ParseResult &out)
{
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element doc;
    simdjson::dom::object obj;
    if (parser.parse(data, size, false).get(doc) != simdjson::SUCCESS ||
        doc.get_object().get(obj) != simdjson::SUCCESS)
        return false;
    std::string idBuf(id), sessionBuf(session), model = "unknown";
    if (auto v = string(obj, "id"))
        idBuf = std::string(*v);
    if (auto v = string(obj, "sessionID"))
        sessionBuf = std::string(*v);
    const auto role = string(obj, "role");
    if (role && *role != "assistant")
        return true;
    if (auto v = string(obj, "modelID"); v && !v->empty())
        model = std::string(*v);
    std::int64_t created = 0;
    auto timeField = obj.at_key("time");
    simdjson::dom::object timeObj;
    if (!timeField.error() && timeField.get_object().get(timeObj) == simdjson::SUCCESS)
        created = number(timeObj, "created");
    auto tokensField = obj.at_key("tokens");
    simdjson::dom::object tokens;
    if (tokensField.error() || tokensField.get_object().get(tokens) != simdjson::SUCCESS)
        return true; // user messages carry no tokens
    TokenCounts t;
    t.input = number(tokens, "input");
    const std::int64_t output = number(tokens, "output");
    t.reasoning = number(tokens, "reasoning");
    // OpenCode keeps reasoning apart from output and bills it as output.
    t.output = output + t.reasoning;
    auto cacheField = tokens.at_key("cache");
    simdjson::dom::object cache;
    if (!cacheField.error() && cacheField.get_object().get(cache) == simdjson::SUCCESS) {
        t.cacheRead = number(cache, "read");
        t.cacheWrite = number(cache, "write");
    }
    if (t.isZero()) {
        ++out.drops[DropReason::ZeroUsage];
        return true;
    }
    if (created <= 0)
        return false;
    UsageRecord r;
    r.agent = Agent::OpenCode;
    r.timestampMs = created;
    r.ordinal = ordinal;
    r.tokens = t;
    r.groupKey = idBuf.empty() ? 0 : hash64(idBuf, 4);
    r.flags = fromDb ? RecordFromDatabase : 0;
    r.model = out.internModel(model);
    r.session = out.internSession(sessionBuf.empty() ? std::string_view("unknown") : sessionBuf);
    out.records.push_back(r);
    return true;
}

} // namespace

void OpenCodeReader::parseMessageFile(const SourceFile &file, const char *data, std::int64_t size,
                                      ParseResult &out)
{
    out.linesRead = 1;
    out.consumedBytes = size;
    const std::string stem = file.path.section(u'/', -1).section(u'.', 0, 0).toStdString();
    const std::string session = file.sessionHint.toStdString();
    if (!addMessage(data, size_t(size), stem, session, false, 0, out))
        ++out.malformedLines;
}

bool OpenCodeReader::readDatabase(const SourceFile &file, ParseResult &out, QString *error)
{
    Database db;
    if (!db.open(file.path, true, error))
        return false;
    Statement st(db, "SELECT id, session_id, data FROM message");
    if (!st.isValid()) {
        if (error)
            *error = u"%1: no message table: %2"_s.arg(file.path, db.lastError());
        return false;
    }
    std::string buffer;
    std::int64_t row = 0;
    while (st.step()) {
        const QByteArray id = st.text(0).toUtf8();
        const QByteArray session = st.text(1).toUtf8();
        const std::string_view json = st.blobView(2);
        buffer.assign(json);
        buffer.append(size_t(Padding), '\0');
        ++out.linesRead;
        if (!addMessage(buffer.data(), json.size(), id.toStdString(), session.toStdString(), true,
                        row++, out))
            ++out.malformedLines;
    }
    out.consumedBytes = 0;
    return true;
}
