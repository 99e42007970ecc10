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
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSpinBox>
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
    , m_quotaNotify(new QCheckBox(tr("Notify when a quota window reaches")))
    , m_quotaWarn(new QSpinBox)
    , m_quotaCritical(new QSpinBox)
    , m_quotaReset(new QCheckBox(tr("Notify when a quota window resets")))
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
    m_quotaNotify->setObjectName(u"quotaNotify"_s);
    m_quotaWarn->setObjectName(u"quotaWarnPercent"_s);
    m_quotaCritical->setObjectName(u"quotaCriticalPercent"_s);
    m_quotaReset->setObjectName(u"quotaNotifyReset"_s);
    for (QSpinBox *box : {m_quotaWarn, m_quotaCritical}) {
        box->setRange(1, 100);
        box->setSuffix(u"%"_s);
    }
    auto *thresholds = new QHBoxLayout;
    thresholds->addWidget(m_quotaNotify);
    thresholds->addWidget(m_quotaWarn);
    thresholds->addWidget(new QLabel(tr("and")));
    thresholds->addWidget(m_quotaCritical);
    thresholds->addStretch();
    auto *quota = new QVBoxLayout;
    quota->addLayout(thresholds);
    quota->addWidget(m_quotaReset);
    form->addRow(tr("Quota"), quota);
    connect(m_quotaNotify, &QCheckBox::toggled, this, [this](bool on) {
        for (QWidget *w :
             std::initializer_list<QWidget *> {m_quotaWarn, m_quotaCritical, m_quotaReset})
            w->setEnabled(on);
    });

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
    m_quotaNotify->setChecked(m_settings->quotaNotify());
    m_quotaWarn->setValue(m_settings->quotaWarnPercent());
    m_quotaCritical->setValue(m_settings->quotaCriticalPercent());
    m_quotaReset->setChecked(m_settings->quotaNotifyReset());
    for (QWidget *w : std::initializer_list<QWidget *> {m_quotaWarn, m_quotaCritical, m_quotaReset})
        w->setEnabled(m_quotaNotify->isChecked());
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
    m_settings->setQuotaNotify(m_quotaNotify->isChecked());
    m_settings->setQuotaWarnPercent(std::min(m_quotaWarn->value(), m_quotaCritical->value()));
    m_settings->setQuotaCriticalPercent(std::max(m_quotaWarn->value(), m_quotaCritical->value()));
    m_settings->setQuotaNotifyReset(m_quotaReset->isChecked());
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
