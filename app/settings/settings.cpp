#include "settings.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace {

struct Entry
{
    Settings::Key key;
    const char *name;
    QVariant (*defaultValue)();
};

// The table: every key the app stores, with its default.
const std::array<Entry, 16> Table {{
    {Settings::Key::SettingsVersion, "settingsVersion",
     [] {
         return QVariant(0);
     }},
    {Settings::Key::ServerUrl, "sync/serverUrl",
     [] {
         return QVariant(u"http://127.0.0.1:8787"_s);
     }},
    {Settings::Key::AutoSubmit, "sync/autoSubmit",
     [] {
         return QVariant(false);
     }},
    {Settings::Key::SubmitIntervalMinutes, "sync/intervalMinutes",
     [] {
         return QVariant(60);
     }},
    {Settings::Key::ExtraDataDirs, "sources/extraDataDirs",
     [] {
         return QVariant(QStringList());
     }},
    {Settings::Key::TimeZone, "display/timeZone",
     [] {
         return QVariant(QString());
     }},
    {Settings::Key::Language, "display/language",
     [] {
         return QVariant(QString());
     }},
    {Settings::Key::HeatmapMetric, "dashboard/heatmapMetric",
     [] {
         return QVariant(u"tokens"_s);
     }},
    {Settings::Key::CostRangeDays, "dashboard/costRangeDays",
     [] {
         return QVariant(30);
     }},
    {Settings::Key::DashboardGeometry, "dashboard/geometry",
     [] {
         return QVariant(QByteArray());
     }},
    {Settings::Key::FirstRunDone, "firstRun/done",
     [] {
         return QVariant(false);
     }},
    {Settings::Key::QuotaNotify, "quota/notify",
     [] {
         return QVariant(true);
     }},
    {Settings::Key::QuotaWarnPercent, "quota/warnPercent",
     [] {
         return QVariant(80);
     }},
    {Settings::Key::QuotaCriticalPercent, "quota/criticalPercent",
     [] {
         return QVariant(95);
     }},
    {Settings::Key::QuotaNotifyReset, "quota/notifyReset",
     [] {
         return QVariant(true);
     }},
    {Settings::Key::QuotaNotified, "quota/notified",
     [] {
         return QVariant(QStringList());
     }},
}};

const Entry &entry(Settings::Key key)
{
    return Table[size_t(key)];
}

constexpr int SaveDelayMs = 500;

} // namespace

Settings::Settings(const QString &path, QObject *parent)
    : QObject(parent)
    , m_settings(
          std::make_unique<QSettings>(path.isEmpty() ? defaultPath() : path, QSettings::IniFormat))
{
    for (size_t i = 0; i < Table.size(); ++i)
        Q_ASSERT(size_t(Table[i].key) == i);
    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(SaveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, [this] { apply(); });
    migrate();
}

Settings::~Settings()
{
    if (!m_pending.isEmpty())
        m_settings->sync();
}

QString Settings::defaultPath()
{
    const QString env = qEnvironmentVariable("TOKENTALLY_CONFIG");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
        u"/tokentally/tokentally.conf"_s;
}

QString Settings::path() const
{
    return m_settings->fileName();
}

QString Settings::keyName(Key key)
{
    return QString::fromLatin1(entry(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return entry(key).defaultValue();
}

QVariant Settings::value(Key key) const
{
    return m_settings->value(keyName(key), defaultValue(key));
}

void Settings::setValue(Key key, const QVariant &v)
{
    if (value(key) == v)
        return;
    // QSettings keeps unsaved values in memory; the file is written by apply().
    m_settings->setValue(keyName(key), v);
    if (!m_pending.contains(key))
        m_pending << key;
    m_saveTimer->start();
}

bool Settings::apply(QString *error)
{
    m_saveTimer->stop();
    if (m_pending.isEmpty())
        return true;
    QDir().mkpath(QFileInfo(m_settings->fileName()).absolutePath());
    // QSettings writes through a temporary file and renames it (atomic on POSIX).
    m_settings->sync();
    const QList<Key> keys = std::exchange(m_pending, {});
    const bool ok = m_settings->status() == QSettings::NoError;
    if (!ok && error)
        *error = tr("Cannot write the settings file %1").arg(m_settings->fileName());
    Q_EMIT changed(keys);
    return ok;
}

void Settings::migrate()
{
    const int version = value(Key::SettingsVersion).toInt();
    if (version >= CurrentVersion)
        return;
    // Version 0 with no keys is "never written": a first run. Anything written
    // before version 3 comes from an install that ran before the wizard existed,
    // whose user has no need of it.
    if (version < 3 && (version >= 1 || !m_settings->allKeys().isEmpty()))
        m_settings->setValue(keyName(Key::FirstRunDone), true);
    // Version 1 kept a profile visibility here that did nothing: the account's
    // visibility lives on the server.
    m_settings->remove(u"sync/visibility"_s);
    m_settings->setValue(keyName(Key::SettingsVersion), CurrentVersion);
}

QString Settings::serverUrl() const
{
    return value(Key::ServerUrl).toString();
}

void Settings::setServerUrl(const QString &url)
{
    setValue(Key::ServerUrl, url.trimmed());
}

bool Settings::autoSubmit() const
{
    return value(Key::AutoSubmit).toBool();
}

void Settings::setAutoSubmit(bool on)
{
    setValue(Key::AutoSubmit, on);
}

int Settings::submitIntervalMinutes() const
{
    return std::clamp(value(Key::SubmitIntervalMinutes).toInt(), 5, 24 * 60);
}

void Settings::setSubmitIntervalMinutes(int minutes)
{
    setValue(Key::SubmitIntervalMinutes, std::clamp(minutes, 5, 24 * 60));
}

QStringList Settings::extraDataDirs() const
{
    return value(Key::ExtraDataDirs).toStringList();
}

void Settings::setExtraDataDirs(const QStringList &dirs)
{
    setValue(Key::ExtraDataDirs, dirs);
}

QString Settings::timeZone() const
{
    return value(Key::TimeZone).toString();
}

void Settings::setTimeZone(const QString &zone)
{
    setValue(Key::TimeZone, zone);
}

QString Settings::language() const
{
    return value(Key::Language).toString();
}

void Settings::setLanguage(const QString &language)
{
    setValue(Key::Language, language);
}

QString Settings::heatmapMetric() const
{
    return value(Key::HeatmapMetric).toString() == u"cost" ? u"cost"_s : u"tokens"_s;
}

void Settings::setHeatmapMetric(const QString &metric)
{
    setValue(Key::HeatmapMetric, metric);
}

int Settings::costRangeDays() const
{
    const int d = value(Key::CostRangeDays).toInt();
    return (d == 7 || d == 30 || d == 90 || d == 365) ? d : 30;
}

void Settings::setCostRangeDays(int days)
{
    setValue(Key::CostRangeDays, days);
}

QByteArray Settings::dashboardGeometry() const
{
    return value(Key::DashboardGeometry).toByteArray();
}

void Settings::setDashboardGeometry(const QByteArray &geometry)
{
    setValue(Key::DashboardGeometry, geometry);
}

bool Settings::firstRunDone() const
{
    return value(Key::FirstRunDone).toBool();
}

void Settings::setFirstRunDone(bool done)
{
    setValue(Key::FirstRunDone, done);
}

bool Settings::quotaNotify() const
{
    return value(Key::QuotaNotify).toBool();
}

void Settings::setQuotaNotify(bool on)
{
    setValue(Key::QuotaNotify, on);
}

int Settings::quotaWarnPercent() const
{
    return std::clamp(value(Key::QuotaWarnPercent).toInt(), 1, 100);
}

void Settings::setQuotaWarnPercent(int percent)
{
    setValue(Key::QuotaWarnPercent, std::clamp(percent, 1, 100));
}

int Settings::quotaCriticalPercent() const
{
    return std::clamp(value(Key::QuotaCriticalPercent).toInt(), 1, 100);
}

void Settings::setQuotaCriticalPercent(int percent)
{
    setValue(Key::QuotaCriticalPercent, std::clamp(percent, 1, 100));
}

bool Settings::quotaNotifyReset() const
{
    return value(Key::QuotaNotifyReset).toBool();
}

void Settings::setQuotaNotifyReset(bool on)
{
    setValue(Key::QuotaNotifyReset, on);
}

QStringList Settings::quotaNotified() const
{
    return value(Key::QuotaNotified).toStringList();
}

void Settings::setQuotaNotified(const QStringList &keys)
{
    setValue(Key::QuotaNotified, keys);
}
