#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;
class QPlainTextEdit;
class QTabWidget;
class AccountPage;
class Settings;

// Edits Settings in two pages, General and Account (AccountPage); "start at
// login" goes straight to the OS (Autostart).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(Settings *settings, QWidget *parent = nullptr);

    // Parses the extra-dirs text: one AGENT=PATH per line; bad lines go to \a bad.
    static QStringList parseExtraDirs(const QString &text, QStringList *bad);

    AccountPage *accountPage() const { return m_account; }
    // "general" or "account".
    void showPage(const QString &name);
    QString currentPage() const;

    void accept() override;

private:
    void load();

    Settings *m_settings;
    QTabWidget *m_tabs;
    AccountPage *m_account;
    QPlainTextEdit *m_extraDirs;
    QComboBox *m_timeZone;
    QCheckBox *m_startAtLogin;
    QComboBox *m_language;
    QCheckBox *m_quotaNotify;
    QSpinBox *m_quotaWarn;
    QSpinBox *m_quotaCritical;
    QCheckBox *m_quotaReset;
};
