#include "syncsession.h"

#include "cli/clicontext.h"
#include "sync/keychainsecretstore.h"
#include "sync/networktransport.h"

#include <QEventLoop>

SyncSession::SyncSession(CliContext &context)
    : m_context(context)
    , m_transport(std::make_unique<NetworkTransport>())
    , m_secrets(std::make_unique<KeychainSecretStore>())
{
}

SyncSession::~SyncSession() = default;

bool SyncSession::open()
{
    if (!m_context.openStore(m_store))
        return false;
    m_client = std::make_unique<SyncClient>(m_store, *m_transport, *m_secrets);
    return true;
}

void SyncSession::wait(const std::function<void(std::function<void()>)> &start)
{
    QEventLoop loop;
    bool done = false;
    start([&loop, &done] {
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
}
