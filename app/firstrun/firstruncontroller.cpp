#include "firstruncontroller.h"

#include "firstrun/firstrunwizard.h"
#include "gui/synccontroller.h"
#include "settings/autostart.h"
#include "settings/settings.h"
#include "settings/signindialog.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

FirstRunController::FirstRunController(Settings *settings, SyncController *sync, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_sync(sync)
{
    qRegisterMetaType<SubmitPreview>();
    connect(m_sync, &SyncController::submitPreviewReady, this, &FirstRunController::onPreview);
    connect(m_sync, &SyncController::statusChanged, this, [this](const SyncStatus &status) {
        if (m_wizard)
            m_wizard->setSyncStatus(status, m_settings->autoSubmit());
    });
}

FirstRunController::~FirstRunController()
{
    delete m_wizard;
}

bool FirstRunController::isDue() const
{
    return !m_settings->firstRunDone();
}

void FirstRunController::show(const SourceEnvironment &env)
{
    if (!m_wizard) {
        m_wizard = new FirstRunWizard;
        m_wizard->setAttribute(Qt::WA_DeleteOnClose);
        // Read back from the OS, as the settings dialog does (STYLE.md §18).
        m_wizard->setStartAtLogin(Autostart::isEnabled());
        m_wizard->setSyncStatus(m_sync->status(), m_settings->autoSubmit());
        connect(m_wizard, &FirstRunWizard::privacyPageEntered, this,
                &FirstRunController::onPrivacyPageEntered);
        connect(m_wizard, &FirstRunWizard::signInRequested, this,
                [this] { m_sync->showSignInOver(m_wizard); });
        connect(m_wizard, &QDialog::finished, this, &FirstRunController::onFinished);
        m_previewMessages = -2;
        m_previewPending = false;
        ++m_shown;
        inspect(env);
    }
    m_wizard->show();
    m_wizard->raise();
    m_wizard->activateWindow();
}

void FirstRunController::inspect(const SourceEnvironment &env)
{
    // A directory walk: on the thread pool. The watcher dies with the wizard, and
    // its result with it.
    auto *watcher = new QFutureWatcher<SourceOverview>(m_wizard);
    connect(watcher, &QFutureWatcher<SourceOverview>::finished, m_wizard, [this, watcher] {
        if (m_wizard)
            m_wizard->setOverview(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([env] { return SourceOverview::inspect(env); }));
}

void FirstRunController::setSnapshot(const UsageSnapshot &snapshot)
{
    m_messages = snapshot.accounting.messages;
    // New usage while the sample is on screen: build it again.
    if (m_wizard && m_wizard->onPrivacyPage() && m_previewMessages != m_messages)
        requestPreview();
}

void FirstRunController::setProgress(const ScanProgress &progress)
{
    if (m_wizard)
        m_wizard->setProgress(progress);
}

void FirstRunController::onPrivacyPageEntered()
{
    if (m_previewMessages != m_messages)
        requestPreview();
}

void FirstRunController::requestPreview()
{
    if (m_previewPending)
        return;
    m_previewPending = true;
    m_previewMessages = m_messages;
    m_wizard->setPreviewLoading();
    m_sync->previewSubmit();
}

void FirstRunController::onPreview(const SubmitPreview &preview)
{
    if (!m_previewPending)
        return;
    m_previewPending = false;
    if (!m_wizard)
        return;
    m_wizard->setPreview(preview);
    // Usage arrived while it was built: once more.
    if (m_wizard->onPrivacyPage() && m_previewMessages != m_messages)
        requestPreview();
}

void FirstRunController::onFinished(int result)
{
    // Shown once: finished or closed, it does not come back by itself.
    m_settings->setFirstRunDone(true);
    QString error;
    if (!m_settings->apply(&error))
        QMessageBox::warning(m_wizard, m_wizard->windowTitle(), error);
    if (result != QDialog::Accepted)
        return;
    const bool want = m_wizard->startAtLogin();
    if (want != Autostart::isEnabled() &&
        !Autostart::setEnabled(want, QCoreApplication::applicationFilePath(), &error))
        QMessageBox::warning(m_wizard, m_wizard->windowTitle(),
                             tr("Could not change start at login: %1").arg(error));
}

QJsonObject FirstRunController::statusJson() const
{
    QJsonObject o = m_wizard ? m_wizard->state() : QJsonObject {{u"visible"_s, false}};
    o.insert(u"shown"_s, m_shown);
    o.insert(u"done"_s, m_settings->firstRunDone());
    return o;
}
