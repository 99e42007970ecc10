#include "settingsdialog.h"

#include "core/agent.h"
#include "settings/accountpage.h"
#include "settings/autostart.h"
#include "settings/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsDialog::SettingsDialog(Settings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_tabs(new QTabWidget)
    , m_account(new AccountPage(settings))
    , m_extraDirs(new QPlainTextEdit)
    , m_timeZone(new QComboBox)
    , m_startAtLogin(new QCheckBox(tr("Start TokenTally when I log in")))
    , m_language(new QComboBox)
{
    setWindowTitle(tr("TokenTally settings"));
    m_extraDirs->setPlaceholderText(
        tr("One per line: claude-code=/path, codex=/path, opencode=/path"));
    m_extraDirs->setMaximumHeight(80);
    m_timeZone->setEditable(true);
    m_timeZone->addItem(tr("System time zone"), QString());
    m_timeZone->addItem(u"UTC"_s, u"UTC"_s);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromUtf8(id), QString::fromUtf8(id));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Deutsch"_s, u"de"_s);
    m_language->addItem(u"简体中文"_s, u"zh_CN"_s);
    m_language->addItem(u"日本語"_s, u"ja"_s);

    auto *general = new QWidget;
    auto *form = new QFormLayout(general);
    form->addRow(tr("Extra data folders"), m_extraDirs);
    form->addRow(tr("Time zone"), m_timeZone);
    form->addRow(QString(), m_startAtLogin);
    form->addRow(tr("Language"), m_language);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    m_tabs->setObjectName(u"settingsTabs"_s);
    m_tabs->addTab(general, tr("General"));
    m_tabs->addTab(m_account, tr("Account"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    load();
    resize(560, sizeHint().height());
}

void SettingsDialog::load()
{
    m_extraDirs->setPlainText(m_settings->extraDataDirs().join(u'\n'));
    const int tz = m_timeZone->findData(m_settings->timeZone());
    if (tz >= 0)
        m_timeZone->setCurrentIndex(tz);
    else
        m_timeZone->setEditText(m_settings->timeZone());
    m_startAtLogin->setChecked(Autostart::isEnabled());
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings->language())));
}

void SettingsDialog::showPage(const QString &name)
{
    m_tabs->setCurrentIndex(name == u"account" ? 1 : 0);
}

QString SettingsDialog::currentPage() const
{
    return m_tabs->currentIndex() == 1 ? u"account"_s : u"general"_s;
}

QStringList SettingsDialog::parseExtraDirs(const QString &text, QStringList *bad)
{
    QStringList out;
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0 || !agentFromId(line.left(eq).trimmed()) ||
            line.mid(eq + 1).trimmed().isEmpty()) {
            if (bad)
                *bad << line;
            continue;
        }
        out << line.left(eq).trimmed() + u'=' + line.mid(eq + 1).trimmed();
    }
    return out;
}

void SettingsDialog::accept()
{
    QStringList bad;
    const QStringList dirs = parseExtraDirs(m_extraDirs->toPlainText(), &bad);
    if (!bad.isEmpty()) {
        QMessageBox::warning(
            this, windowTitle(),
            tr("These data folder lines are not AGENT=PATH:\n%1").arg(bad.join(u'\n')));
        return;
    }
    QString zone = m_timeZone->currentData().toString();
    if (m_timeZone->currentText() != m_timeZone->itemText(m_timeZone->currentIndex()))
        zone = m_timeZone->currentText().trimmed();
    if (!zone.isEmpty() && !QTimeZone(zone.toUtf8()).isValid()) {
        QMessageBox::warning(this, windowTitle(), tr("Unknown time zone: %1").arg(zone));
        return;
    }
    m_account->save();
    m_settings->setExtraDataDirs(dirs);
    m_settings->setTimeZone(zone);
    m_settings->setLanguage(m_language->currentData().toString());
    QString error;
    if (!m_settings->apply(&error))
        QMessageBox::warning(this, windowTitle(), error);
    if (m_startAtLogin->isChecked() != Autostart::isEnabled() &&
        !Autostart::setEnabled(m_startAtLogin->isChecked(), QCoreApplication::applicationFilePath(),
                               &error))
        QMessageBox::warning(this, windowTitle(),
                             tr("Could not change start at login: %1").arg(error));
    QDialog::accept();
}
