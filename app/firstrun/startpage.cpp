#include "startpage.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

StartPage::StartPage(QWidget *parent)
    : QWizardPage(parent)
    , m_startAtLogin(new QCheckBox(tr("Start TokenTally when I log in")))
    , m_sync(new QLabel)
    , m_signIn(new QPushButton(tr("Sign in…")))
{
    setTitle(tr("Start and sync"));
    setSubTitle(tr("You can change both later in Settings."));
    m_startAtLogin->setObjectName(u"firstRunStartAtLogin"_s);
    auto *startNote =
        new QLabel(tr("TokenTally then sits in the tray and counts new usage as it happens. "
                      "Without it, usage is still counted the next time you open TokenTally."));
    startNote->setWordWrap(true);
    startNote->setForegroundRole(QPalette::PlaceholderText);

    auto *start = new QGroupBox(tr("Start"));
    auto *startLayout = new QVBoxLayout(start);
    // As wide as its text: a click beside it does not tick it by surprise.
    startLayout->addWidget(m_startAtLogin, 0, Qt::AlignLeft);
    startLayout->addWidget(startNote);

    m_sync->setObjectName(u"firstRunSyncState"_s);
    m_sync->setWordWrap(true);
    m_signIn->setObjectName(u"firstRunSignIn"_s);
    m_signIn->setToolTip(tr("Sign in to a TokenTally server to share your totals on its "
                            "leaderboard. Signing in sends nothing by itself."));
    connect(m_signIn, &QPushButton::clicked, this, &StartPage::signInRequested);
    auto *sync = new QGroupBox(tr("Sync"));
    auto *syncLayout = new QVBoxLayout(sync);
    syncLayout->addWidget(m_sync);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signIn);
    buttons->addStretch(1);
    syncLayout->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(start);
    layout->addWidget(sync);
    layout->addStretch(1);
    setSyncStatus(SyncStatus(), false);
}

void StartPage::setStartAtLogin(bool on)
{
    m_startAtLogin->setChecked(on);
}

bool StartPage::startAtLogin() const
{
    return m_startAtLogin->isChecked();
}

void StartPage::setSyncStatus(const SyncStatus &s, bool autoSubmit)
{
    if (!s.storeError.isEmpty()) {
        m_sync->setText(s.storeError);
        m_signIn->setVisible(false);
        return;
    }
    const bool signedIn = s.signedIn && !s.signedOut;
    m_signIn->setVisible(!signedIn);
    m_signIn->setEnabled(s.loaded);
    if (!signedIn) {
        m_sync->setText(tr("Sync is off. To share your totals on a leaderboard, sign in to a "
                           "TokenTally server; then submit from the tray menu, by hand with "
                           "Submit now or by itself with Auto-submit."));
    } else if (autoSubmit) {
        m_sync->setText(tr("Signed in as %1 at %2. Auto-submit is on: hourly totals are sent "
                           "when new usage has settled.")
                            .arg(s.username, s.server));
    } else {
        m_sync->setText(tr("Signed in as %1 at %2. Auto-submit is off: nothing is sent until "
                           "you choose Submit now or turn on Auto-submit in the tray menu.")
                            .arg(s.username, s.server));
    }
}

QString StartPage::syncText() const
{
    return m_sync->text();
}
