#pragma once

#include "sync/accountflow.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

// Sign in to a sync server: create an account with a user name, or use an
// existing one with its API token. It only gathers and checks the input and
// shows the outcome; the sync worker does the work (signInRequested, then
// showResult). After creating an account it shows the new token, once.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    explicit SignInDialog(const QString &server, QWidget *parent = nullptr);

    // What is wrong with the input, in words; empty when it can be sent.
    static QString validate(const QString &server, bool createAccount, const QString &username,
                            const QString &token);
    bool isBusy() const { return m_busy; }
    QString errorText() const;
    // The page shown: "form", "busy" or "token".
    QString stage() const;

public Q_SLOTS:
    // The worker's answer to signInRequested.
    void showResult(bool ok, const QString &error, const QString &username,
                    const QString &newToken);

Q_SIGNALS:
    void signInRequested(const LoginRequest &request);

private:
    void submit();
    void setBusy(bool busy);
    void updateMode();

    QStackedWidget *m_pages;
    QLineEdit *m_server;
    QRadioButton *m_create;
    QRadioButton *m_existing;
    QLineEdit *m_username;
    QLineEdit *m_token;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signIn;
    QLabel *m_doneText;
    QLineEdit *m_newToken;
    bool m_busy = false;
};
