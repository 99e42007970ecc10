#pragma once

#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QVariant>

#include <memory>

class QTimer;

// The one typed way to the app's settings (STYLE.md §10). Keys and defaults live in
// one table in settings.cpp; setters keep values in memory and schedule a debounced
// save; apply() saves now and emits changed() once for everything that moved.
// "Start at login" is not here: it is read back from the OS (see Autostart).
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    enum class Key {
        SettingsVersion,
        ServerUrl,
        AutoSubmit,
        SubmitIntervalMinutes,
        ExtraDataDirs,
        TimeZone,
        Language,
        HeatmapMetric,
        CostRangeDays,
        DashboardGeometry,
        FirstRunDone,
        QuotaNotify,
        QuotaWarnPercent,
        QuotaCriticalPercent,
        QuotaNotifyReset,
        QuotaNotified,
    };
    Q_ENUM(Key)

    // 2: sync/visibility dropped (visibility is the account's, on the server).
    // 3: firstRun/done; installs from before the first-run wizard count as done.
    static constexpr int CurrentVersion = 3;

    // \a path empty: $TOKENTALLY_CONFIG or tokentally/tokentally.conf in the user's config dir.
    explicit Settings(const QString &path = QString(), QObject *parent = nullptr);
    ~Settings() override;

    static QString defaultPath();
    QString path() const;
    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

    // The server the sign-in dialog offers (the last one signed in to).
    QString serverUrl() const;
    void setServerUrl(const QString &url);
    bool autoSubmit() const;
    void setAutoSubmit(bool on);
    int submitIntervalMinutes() const;
    void setSubmitIntervalMinutes(int minutes);
    QStringList extraDataDirs() const; // "agent=path" entries
    void setExtraDataDirs(const QStringList &dirs);
    QString timeZone() const; // empty: the system's
    void setTimeZone(const QString &zone);
    QString language() const; // empty: the system's; else en, de, zh_CN, ja
    void setLanguage(const QString &language);
    QString heatmapMetric() const; // tokens or cost
    void setHeatmapMetric(const QString &metric);
    int costRangeDays() const;
    void setCostRangeDays(int days);
    QByteArray dashboardGeometry() const;
    void setDashboardGeometry(const QByteArray &geometry);
    // The first-run wizard was shown (finished or closed): it is not shown again.
    bool firstRunDone() const;
    void setFirstRunDone(bool done);
    // Quota notifications (QuotaAlerts): on or off, at which percentages, on reset.
    bool quotaNotify() const;
    void setQuotaNotify(bool on);
    int quotaWarnPercent() const;
    void setQuotaWarnPercent(int percent);
    int quotaCriticalPercent() const;
    void setQuotaCriticalPercent(int percent);
    bool quotaNotifyReset() const;
    void setQuotaNotifyReset(bool on);
    // What was notified already, so that a restart does not repeat it.
    QStringList quotaNotified() const;
    void setQuotaNotified(const QStringList &keys);

    // Writes pending values now; false (and \a error) when the file could not be written.
    bool apply(QString *error = nullptr);

Q_SIGNALS:
    void changed(const QList<Settings::Key> &keys);

private:
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void migrate();

    std::unique_ptr<QSettings> m_settings;
    QList<Key> m_pending;
    QTimer *m_saveTimer = nullptr;
};
