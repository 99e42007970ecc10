#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class Settings;

// Edits Settings; "start at login" goes straight to the OS (Autostart).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(Settings *settings, QWidget *parent = nullptr);

    // Parses the extra-dirs text: one AGENT=PATH per line; bad lines go to \a bad.
    static QStringList parseExtraDirs(const QString &text, QStringList *bad);

    void accept() override;

private:
    void load();

    Settings *m_settings;
    QLineEdit *m_serverUrl;
    QCheckBox *m_autoSubmit;
    QSpinBox *m_interval;
    QComboBox *m_visibility;
    QPlainTextEdit *m_extraDirs;
    QComboBox *m_timeZone;
    QCheckBox *m_startAtLogin;
    QComboBox *m_language;
};
