#pragma once

#include "sync/syncstatus.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;
class Settings;

// Settings → Account: who is signed in where, sign in and out, the profile's
// visibility (the account's, on the server: changed at once), deleting the
// server's data, and auto-submit with its interval (saved with the dialog).
// It shows SyncStatus and emits intents; the sync worker does the work.
class AccountPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountPage)

public:
    explicit AccountPage(Settings *settings, QWidget *parent = nullptr);

    void setSyncStatus(const SyncStatus &status);
    // The outcome of the last account operation, under the buttons.
    void showMessage(const QString &text, bool error);
    QString message() const;
    // Puts auto-submit and its interval into the settings (the dialog applies them).
    void save();

Q_SIGNALS:
    void signInRequested();
    void signOutRequested();
    void visibilityRequested(const QString &visibility);
    void deleteServerDataRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void confirmDelete();
    // Word-wrapped labels in a tab page get no height-for-width from the
    // tab widget's stack: reserve the height their text needs at this width.
    void fitLabels();

    Settings *m_settings;
    SyncStatus m_status;
    QLabel *m_state;
    QLabel *m_device;
    QPushButton *m_signIn;
    QPushButton *m_signOut;
    QGroupBox *m_profile;
    QComboBox *m_visibility;
    QPushButton *m_delete;
    QCheckBox *m_autoSubmit;
    QSpinBox *m_interval;
    QLabel *m_lastSync;
    QLabel *m_message;
};
