#include "accountpage.h"

#include "models/syncstatusformat.h"
#include "settings/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AccountPage::AccountPage(Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_state(new QLabel)
    , m_device(new QLabel)
    , m_signIn(new QPushButton)
    , m_signOut(new QPushButton(tr("Sign out")))
    , m_profile(new QGroupBox(tr("Profile")))
    , m_visibility(new QComboBox)
    , m_delete(new QPushButton(tr("Delete my data on the server…")))
    , m_autoSubmit(new QCheckBox(tr("Submit automatically when new usage has settled")))
    , m_interval(new QSpinBox)
    , m_lastSync(new QLabel)
    , m_message(new QLabel)
{
    m_state->setObjectName(u"accountState"_s);
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::RichText);
    m_state->setOpenExternalLinks(true);
    m_device->setForegroundRole(QPalette::PlaceholderText);
    m_device->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_signIn->setObjectName(u"accountSignIn"_s);
    m_signOut->setObjectName(u"accountSignOut"_s);
    m_signOut->setToolTip(tr("Forget the account on this computer and remove its token and "
                             "device key from the keyring. The server keeps your data."));
    connect(m_signIn, &QPushButton::clicked, this, &AccountPage::signInRequested);
    connect(m_signOut, &QPushButton::clicked, this, &AccountPage::signOutRequested);

    auto *account = new QGroupBox(tr("Account"));
    auto *accountLayout = new QVBoxLayout(account);
    accountLayout->addWidget(m_state);
    accountLayout->addWidget(m_device);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_signOut);
    buttons->addStretch();
    accountLayout->addLayout(buttons);

    m_visibility->setObjectName(u"accountVisibility"_s);
    m_visibility->addItem(tr("Private (only you)"), u"private"_s);
    m_visibility->addItem(tr("Unlisted (anyone with the link)"), u"unlisted"_s);
    m_visibility->addItem(tr("Public (on the leaderboard)"), u"public"_s);
    m_visibility->setToolTip(tr("Changed on the server at once."));
    // activated: the user's choice only, never a status update's.
    connect(m_visibility, &QComboBox::activated, this, [this](int index) {
        const QString v = m_visibility->itemData(index).toString();
        if (v != m_status.visibility)
            Q_EMIT visibilityRequested(v);
    });
    m_delete->setObjectName(u"accountDelete"_s);
    connect(m_delete, &QPushButton::clicked, this, &AccountPage::confirmDelete);
    auto *profileLayout = new QFormLayout(m_profile);
    profileLayout->addRow(tr("Visibility"), m_visibility);
    auto *deleteRow = new QHBoxLayout;
    deleteRow->addWidget(m_delete);
    deleteRow->addStretch();
    profileLayout->addRow(QString(), deleteRow);

    auto *submitting = new QGroupBox(tr("Submitting"));
    auto *submitLayout = new QFormLayout(submitting);
    m_autoSubmit->setObjectName(u"accountAutoSubmit"_s);
    m_interval->setObjectName(u"accountInterval"_s);
    m_interval->setRange(5, 24 * 60);
    // A unit after the number, and a noun for the row: no sentence glued around the box.
    m_interval->setSuffix(tr(" min", "unit after a number of minutes"));
    m_interval->setToolTip(tr("Besides after new usage, auto-submit also runs at this interval."));
    m_lastSync->setWordWrap(true);
    m_lastSync->setObjectName(u"accountLastSync"_s);
    submitLayout->addRow(m_autoSubmit);
    submitLayout->addRow(tr("Interval"), m_interval);
    submitLayout->addRow(m_lastSync);
    connect(m_autoSubmit, &QCheckBox::toggled, m_interval, &QWidget::setEnabled);
    m_autoSubmit->setChecked(m_settings->autoSubmit());
    m_interval->setValue(m_settings->submitIntervalMinutes());
    m_interval->setEnabled(m_settings->autoSubmit());
    // The tray's Auto-submit may change it while this page is open: follow, so
    // that OK does not put the old value back.
    connect(m_settings, &Settings::changed, this, [this](const QList<Settings::Key> &keys) {
        if (keys.contains(Settings::Key::AutoSubmit))
            m_autoSubmit->setChecked(m_settings->autoSubmit());
        if (keys.contains(Settings::Key::SubmitIntervalMinutes))
            m_interval->setValue(m_settings->submitIntervalMinutes());
    });

    m_message->setObjectName(u"accountMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(account);
    layout->addWidget(m_profile);
    layout->addWidget(submitting);
    layout->addWidget(m_message);
    layout->addStretch();
    setSyncStatus(m_status);
}

void AccountPage::setSyncStatus(const SyncStatus &s)
{
    m_status = s;
    using A = SyncStatus::Activity;
    const bool busy = s.activity != A::Idle && s.activity != A::Submitting;
    if (!s.loaded) {
        m_state->setText(tr("Reading the sync state…"));
    } else if (!s.storeError.isEmpty()) {
        m_state->setText(s.storeError.toHtmlEscaped());
    } else if (!s.signedIn) {
        m_state->setText(tr("Not signed in. Nothing leaves this computer until you sign in to a "
                            "server and submit."));
    } else {
        const QString who = tr("<b>%1</b> at <a href=\"%2\">%3</a>")
                                .arg(s.username.toHtmlEscaped(), s.profileUrl.toHtmlEscaped(),
                                     s.server.toHtmlEscaped());
        m_state->setText(s.signedOut ? tr("The server no longer accepts the sign-in of %1. Sign "
                                          "in again to keep submitting.")
                                           .arg(who)
                                     : tr("Signed in as %1.").arg(who));
    }
    m_device->setVisible(s.signedIn);
    m_device->setText(tr("This computer's device id: %1").arg(s.deviceId));
    m_signIn->setVisible(!s.signedIn || s.signedOut);
    m_signIn->setText(s.signedOut ? tr("Sign in again…") : tr("Sign in…"));
    m_signIn->setEnabled(s.loaded && s.storeError.isEmpty() && !busy);
    m_signOut->setVisible(s.signedIn);
    m_signOut->setEnabled(!busy);
    m_profile->setVisible(s.signedIn);
    m_visibility->setEnabled(s.canSubmit() && !busy);
    m_delete->setEnabled(s.canSubmit() && !busy);
    if (s.activity != A::ChangingVisibility)
        m_visibility->setCurrentIndex(std::max(0, m_visibility->findData(s.visibility)));
    m_autoSubmit->setEnabled(s.canSubmit());
    m_autoSubmit->setToolTip(s.canSubmit() ? QString() : tr("Sign in to submit first."));
    m_interval->setEnabled(s.canSubmit() && m_autoSubmit->isChecked());
    QStringList lines;
    if (s.signedIn)
        lines << SyncStatusFormat::lastSyncLine(s, QDateTime::currentMSecsSinceEpoch());
    lines << SyncStatusFormat::details(s);
    m_lastSync->setText(lines.join(u'\n'));
    m_lastSync->setVisible(!lines.isEmpty());
    fitLabels();
    switch (s.activity) {
    case A::SigningIn:
        showMessage(tr("Signing in…"), false);
        break;
    case A::SigningOut:
        showMessage(tr("Signing out…"), false);
        break;
    case A::ChangingVisibility:
        showMessage(tr("Changing the visibility on the server…"), false);
        break;
    case A::DeletingServerData:
        showMessage(tr("Deleting your data on the server…"), false);
        break;
    default:
        break;
    }
}

void AccountPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitLabels();
}

void AccountPage::fitLabels()
{
    // Once the layout has given the labels their widths.
    QTimer::singleShot(0, this, [this] {
        for (QLabel *label : {m_state, m_lastSync, m_message}) {
            if (label->isVisible() && label->width() > 0)
                label->setMinimumHeight(label->heightForWidth(label->width()));
        }
    });
}

void AccountPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setForegroundRole(error ? QPalette::Text : QPalette::PlaceholderText);
    QPalette p = m_message->palette();
    p.setColor(QPalette::Text, QColor(0xCF, 0x22, 0x2E));
    m_message->setPalette(p);
    m_message->setVisible(!text.isEmpty());
    fitLabels();
}

QString AccountPage::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void AccountPage::save()
{
    m_settings->setAutoSubmit(m_autoSubmit->isChecked());
    m_settings->setSubmitIntervalMinutes(m_interval->value());
}

void AccountPage::confirmDelete()
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete my data on the server"),
                                tr("Delete the account %1 and everything it submitted from %2?")
                                    .arg(m_status.username, m_status.server),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"accountDeleteConfirm"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Your profile, devices and hourly totals are removed from the "
                               "server for good, and this computer signs out. Your usage on "
                               "this computer stays, and so does the list of what was sent."));
    QPushButton *yes = box->addButton(tr("Delete on the server"), QMessageBox::DestructiveRole);
    yes->setObjectName(u"accountDeleteYes"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, yes](QAbstractButton *button) {
        if (button == yes)
            Q_EMIT deleteServerDataRequested();
    });
    box->open();
}
