#pragma once

#include "sync/syncstatus.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QPushButton;

// The wizard's last page: start at login, and sync, which stays off: it offers
// to sign in, and says what happens after (nothing is sent until the user
// submits or turns Auto-submit on).
class StartPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartPage)

public:
    explicit StartPage(QWidget *parent = nullptr);

    void setStartAtLogin(bool on);
    bool startAtLogin() const;
    void setSyncStatus(const SyncStatus &status, bool autoSubmit);
    QString syncText() const;

Q_SIGNALS:
    void signInRequested();

private:
    QCheckBox *m_startAtLogin;
    QLabel *m_sync;
    QPushButton *m_signIn;
};
