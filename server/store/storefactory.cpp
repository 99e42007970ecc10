#include "storefactory.h"

#include "postgresserverstore.h"
#include "sqliteserverstore.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

std::unique_ptr<ServerStore> StoreFactory::open(const ServerConfig &config, Role role,
                                                QString *error)
{
    if (!config.databaseUrl.isEmpty()) {
        try {
            return std::make_unique<PostgresServerStore>(config.databaseUrl.toStdString(),
                                                         config.databasePool, role == Role::Server);
        } catch (const StoreError &e) {
            *error = QString::fromUtf8(e.what());
            return nullptr;
        }
    }
    QDir().mkpath(QFileInfo(config.databasePath).absolutePath());
    auto store = std::make_unique<SqliteServerStore>(
        config.databasePath,
        role == Role::Server ? SqliteServerStore::Role::Server : SqliteServerStore::Role::Admin);
    if (!store->isOpen()) {
        *error = u"cannot open "_s + config.databasePath + u": "_s + store->errorString();
        return nullptr;
    }
    return store;
}
