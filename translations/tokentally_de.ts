<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AccountingModel</name>
    <message>
        <source>Duplicates dropped: Claude repeated message</source>
        <translation>Duplikate verworfen: wiederholte Claude-Nachricht</translation>
    </message>
    <message>
        <source>Duplicates dropped: Claude sub-agent replay</source>
        <translation>Duplikate verworfen: Claude-Subagent-Wiederholung</translation>
    </message>
    <message>
        <source>Duplicates dropped: Claude progress mirror</source>
        <translation>Duplikate verworfen: Claude-Fortschrittsspiegel</translation>
    </message>
    <message>
        <source>Duplicates dropped: Codex re-emitted total</source>
        <translation>Duplikate verworfen: erneut gemeldete Codex-Summe</translation>
    </message>
    <message>
        <source>Duplicates dropped: Codex stale total</source>
        <translation>Duplikate verworfen: veraltete Codex-Summe</translation>
    </message>
    <message>
        <source>Duplicates dropped: Codex copied event</source>
        <translation>Duplikate verworfen: kopiertes Codex-Ereignis</translation>
    </message>
    <message>
        <source>Duplicates dropped: Codex sub-agent replay</source>
        <translation>Duplikate verworfen: Codex-Subagent-Wiederholung</translation>
    </message>
    <message>
        <source>Duplicates dropped: OpenCode copy</source>
        <translation>Duplikate verworfen: OpenCode-Kopie</translation>
    </message>
    <message>
        <source>Not counted: zero-token calls</source>
        <translation>Nicht gezählt: Aufrufe ohne Tokens</translation>
    </message>
    <message>
        <source>Files tracked</source>
        <translation>Erfasste Dateien</translation>
    </message>
    <message>
        <source>Files deleted by the agents (history kept)</source>
        <translation>Von den Agenten gelöschte Dateien (Verlauf bleibt)</translation>
    </message>
    <message>
        <source>Bytes read</source>
        <translation>Gelesene Bytes</translation>
    </message>
    <message>
        <source>Lines read</source>
        <translation>Gelesene Zeilen</translation>
    </message>
    <message>
        <source>Usage events seen</source>
        <translation>Gesehene Nutzungsereignisse</translation>
    </message>
    <message>
        <source>Events counted</source>
        <translation>Gezählte Ereignisse</translation>
    </message>
    <message>
        <source>Malformed lines</source>
        <translation>Fehlerhafte Zeilen</translation>
    </message>
    <message>
        <source>Bytes waiting for a complete line</source>
        <translation>Bytes, die auf eine vollständige Zeile warten</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Unpriced models</source>
        <translation>Modelle ohne Preis</translation>
    </message>
    <message>
        <source>Price table</source>
        <translation>Preistabelle</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Posten</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>none (bundled prices)</source>
        <translation>keine (mitgelieferte Preise)</translation>
    </message>
    <message>
        <source>Price file</source>
        <translation>Preisdatei</translation>
    </message>
    <message>
        <source>Price file error (bundled prices used)</source>
        <translation>Fehler in der Preisdatei (mitgelieferte Preise verwendet)</translation>
    </message>
</context>
<context>
    <name>AgentBreakdownModel</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Cache efficiency</source>
        <translation>Cache-Effizienz</translation>
    </message>
</context>
<context>
    <name>CostChart</name>
    <message>
        <source>Cost over time</source>
        <translation>Kosten im Zeitverlauf</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 Tage</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>TokenTally</source>
        <translation>TokenTally</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Indexing usage history… %p%</source>
        <translation>Nutzungsverlauf wird indiziert… %p %</translation>
    </message>
    <message>
        <source>Show the whole year</source>
        <translation>Ganzes Jahr anzeigen</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Active days</source>
        <translation>Aktive Tage</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Cache efficiency</source>
        <translation>Cache-Effizienz</translation>
    </message>
    <message>
        <source>Activity over the last year</source>
        <translation>Aktivität im letzten Jahr</translation>
    </message>
    <message>
        <source>Filter by session or model</source>
        <translation>Nach Sitzung oder Modell filtern</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Alle Agenten</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Accounting</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>Anzeige: %1</translation>
    </message>
    <message>
        <source>Showing the last 12 months</source>
        <translation>Anzeige: die letzten 12 Monate</translation>
    </message>
    <message>
        <source>%1 output</source>
        <translation>%1 Ausgabe</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message numerus="yes">
        <source>%n unpriced message(s)</source>
        <translation><numerusform>%n Nachricht ohne Preis</numerusform><numerusform>%n Nachrichten ohne Preis</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n Tag</numerusform><numerusform>%n Tage</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>longest %n</source>
        <translation><numerusform>längste %n</numerusform><numerusform>längste %n</numerusform></translation>
    </message>
    <message>
        <source>of prompt tokens from cache</source>
        <translation>der Prompt-Tokens aus dem Cache</translation>
    </message>
    <message>
        <source>Today: %1 tokens · %2</source>
        <translation>Heute: %1 Tokens · %2</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Export usage</source>
        <translation>Nutzung exportieren</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <source>TokenTally runs as a window because it was started with --windowed.</source>
        <translation>TokenTally läuft als Fenster, weil es mit --windowed gestartet wurde.</translation>
    </message>
    <message>
        <source>No system tray was found (the desktop has no tray host or status notifier area), so TokenTally runs as this window. Closing it quits TokenTally.</source>
        <translation>Es wurde kein Systembereich gefunden (die Arbeitsumgebung hat keinen Tray-Host und keinen Statusbereich), daher läuft TokenTally als dieses Fenster. Wenn Sie es schließen, wird TokenTally beendet.</translation>
    </message>
</context>
<context>
    <name>HeatmapWidget</name>
    <message>
        <source>Usage calendar</source>
        <translation>Nutzungskalender</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 tokens · %3 · %n session(s)</source>
        <translation><numerusform>%1 · %2 Tokens · %3 · %n Sitzung</numerusform><numerusform>%1 · %2 Tokens · %3 · %n Sitzungen</numerusform></translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Weniger</translation>
    </message>
</context>
<context>
    <name>ModelMixChart</name>
    <message>
        <source>Model mix</source>
        <translation>Modellmix</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>No usage in view</source>
        <translation>Keine Nutzung im Zeitraum</translation>
    </message>
</context>
<context>
    <name>ModelMixModel</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
</context>
<context>
    <name>NumberFormat</name>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Cannot write the settings file %1</source>
        <translation>Die Einstellungsdatei %1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Submit hourly totals automatically</source>
        <translation>Stündliche Summen automatisch übermitteln</translation>
    </message>
    <message>
        <source>Start TokenTally when I log in</source>
        <translation>TokenTally bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>TokenTally settings</source>
        <translation>TokenTally-Einstellungen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Private (only you)</source>
        <translation>Privat (nur Sie)</translation>
    </message>
    <message>
        <source>Unlisted (anyone with the link)</source>
        <translation>Nicht gelistet (jeder mit dem Link)</translation>
    </message>
    <message>
        <source>Public (on the leaderboard)</source>
        <translation>Öffentlich (in der Bestenliste)</translation>
    </message>
    <message>
        <source>One per line: claude-code=/path, codex=/path, opencode=/path</source>
        <translation>Einer pro Zeile: claude-code=/pfad, codex=/pfad, opencode=/pfad</translation>
    </message>
    <message>
        <source>System time zone</source>
        <translation>Zeitzone des Systems</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>Submit every</source>
        <translation>Übermitteln alle</translation>
    </message>
    <message>
        <source>Profile visibility</source>
        <translation>Sichtbarkeit des Profils</translation>
    </message>
    <message>
        <source>Extra data folders</source>
        <translation>Zusätzliche Datenordner</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The server URL must start with https:// or http://.</source>
        <translation>Die Server-URL muss mit https:// oder http:// beginnen.</translation>
    </message>
    <message>
        <source>These data folder lines are not AGENT=PATH:
%1</source>
        <translation>Diese Datenordner-Zeilen haben nicht die Form AGENT=PFAD:
%1</translation>
    </message>
    <message>
        <source>Unknown time zone: %1</source>
        <translation>Unbekannte Zeitzone: %1</translation>
    </message>
    <message>
        <source>Could not change start at login: %1</source>
        <translation>Start bei der Anmeldung konnte nicht geändert werden: %1</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>%1: %2 tokens · %3</source>
        <translation>%1: %2 Tokens · %3</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Letzte Synchronisierung: nie</translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation>Übersicht öffnen</translation>
    </message>
    <message>
        <source>Submit now</source>
        <translation>Jetzt übermitteln</translation>
    </message>
    <message>
        <source>sync not available yet</source>
        <translation>Synchronisierung noch nicht verfügbar</translation>
    </message>
    <message>
        <source>Auto-submit</source>
        <translation>Automatisch übermitteln</translation>
    </message>
    <message>
        <source>View leaderboard</source>
        <translation>Bestenliste ansehen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Indexing history: %1%</source>
        <translation>Verlauf wird indiziert: %1 %</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Diesen Monat</translation>
    </message>
    <message>
        <source>Top model: %1</source>
        <translation>Top-Modell: %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keines</translation>
    </message>
    <message>
        <source>Last sync: never (sync not available yet)</source>
        <translation>Letzte Synchronisierung: nie (Synchronisierung noch nicht verfügbar)</translation>
    </message>
    <message>
        <source>TokenTally
Reading usage files…</source>
        <translation>TokenTally
Nutzungsdateien werden gelesen…</translation>
    </message>
</context>
<context>
    <name>UsageService</name>
    <message>
        <source>Cannot open the usage store %1: %2</source>
        <translation>Der Nutzungsspeicher %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Scan failed: %1</source>
        <translation>Einlesen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The usage store is not open.</source>
        <translation>Der Nutzungsspeicher ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Price file %1: %2</source>
        <translation>Preisdatei %1: %2</translation>
    </message>
</context>
</TS>