<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AccountPage</name>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Delete my data on the server…</source>
        <translation>Meine Daten auf dem Server löschen…</translation>
    </message>
    <message>
        <source>Submit automatically when new usage has settled</source>
        <translation>Automatisch senden, wenn neue Nutzung zur Ruhe gekommen ist</translation>
    </message>
    <message>
        <source>Forget the account on this computer and remove its token and device key from the keyring. The server keeps your data.</source>
        <translation>Das Konto auf diesem Computer vergessen und sein Token und seinen Geräteschlüssel aus dem Schlüsselbund entfernen. Der Server behält Ihre Daten.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
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
        <source>Changed on the server at once.</source>
        <translation>Wird sofort auf dem Server geändert.</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Submitting</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Reading the sync state…</source>
        <translation>Synchronisationsstatus wird gelesen…</translation>
    </message>
    <message>
        <source>Not signed in. Nothing leaves this computer until you sign in to a server and submit.</source>
        <translation>Nicht angemeldet. Nichts verlässt diesen Computer, bevor Sie sich bei einem Server anmelden und senden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; auf &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt;</translation>
    </message>
    <message>
        <source>The server no longer accepts the sign-in of %1. Sign in again to keep submitting.</source>
        <translation>Der Server akzeptiert die Anmeldung von %1 nicht mehr. Melden Sie sich erneut an, um weiter zu senden.</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>This computer&apos;s device id: %1</source>
        <translation>Geräte-ID dieses Computers: %1</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Erneut anmelden…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Sign in to submit first.</source>
        <translation>Melden Sie sich zuerst an, um zu senden.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmeldung läuft…</translation>
    </message>
    <message>
        <source>Changing the visibility on the server…</source>
        <translation>Sichtbarkeit wird auf dem Server geändert…</translation>
    </message>
    <message>
        <source>Deleting your data on the server…</source>
        <translation>Ihre Daten auf dem Server werden gelöscht…</translation>
    </message>
    <message>
        <source>Delete my data on the server</source>
        <translation>Meine Daten auf dem Server löschen</translation>
    </message>
    <message>
        <source>Delete the account %1 and everything it submitted from %2?</source>
        <translation>Das Konto %1 und alles, was es gesendet hat, von %2 löschen?</translation>
    </message>
    <message>
        <source>Your profile, devices and hourly totals are removed from the server for good, and this computer signs out. Your usage on this computer stays, and so does the list of what was sent.</source>
        <translation>Ihr Profil, Ihre Geräte und Stundensummen werden endgültig vom Server entfernt, und dieser Computer meldet sich ab. Ihre Nutzung auf diesem Computer bleibt erhalten, ebenso die Liste dessen, was gesendet wurde.</translation>
    </message>
    <message>
        <source>Delete on the server</source>
        <translation>Auf dem Server löschen</translation>
    </message>
    <message>
        <source> min</source>
        <comment>unit after a number of minutes</comment>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Besides after new usage, auto-submit also runs at this interval.</source>
        <translation>Außer nach neuer Nutzung sendet „Automatisch senden“ auch in diesem Intervall.</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
</context>
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
    <message>
        <source>Not counted: dated more than a day ahead</source>
        <translation>Nicht gezählt: mehr als einen Tag in der Zukunft datiert</translation>
    </message>
    <message>
        <source>Malformed: not JSON</source>
        <translation>Fehlerhaft: kein JSON</translation>
    </message>
    <message>
        <source>Malformed: unreadable timestamp</source>
        <translation>Fehlerhaft: unlesbarer Zeitstempel</translation>
    </message>
    <message>
        <source>Malformed: negative token count</source>
        <translation>Fehlerhaft: negative Tokenzahl</translation>
    </message>
    <message>
        <source>Malformed: fractional token count</source>
        <translation>Fehlerhaft: gebrochene Tokenzahl</translation>
    </message>
    <message>
        <source>Malformed: token count above 2^53</source>
        <translation>Fehlerhaft: Tokenzahl über 2^53</translation>
    </message>
    <message>
        <source>Malformed: token count not a number</source>
        <translation>Fehlerhaft: Tokenzahl ist keine Zahl</translation>
    </message>
    <message>
        <source>Malformed: token count null</source>
        <translation>Fehlerhaft: Tokenzahl ist null</translation>
    </message>
    <message>
        <source>Duplicates dropped: Gemini CLI repeated or resumed message</source>
        <translation>Duplikate verworfen: Gemini CLI wiederholte oder fortgesetzte Nachricht</translation>
    </message>
    <message>
        <source>Duplicates dropped: Qwen Code /branch copy</source>
        <translation>Duplikate verworfen: Qwen-Code-/branch-Kopie</translation>
    </message>
    <message>
        <source>Duplicates dropped: Qwen Code repeated record</source>
        <translation>Duplikate verworfen: Qwen Code wiederholter Eintrag</translation>
    </message>
    <message>
        <source>Duplicates dropped: Amp ledger event of a counted message</source>
        <translation>Duplikate verworfen: Amp-Ledger-Ereignis einer gezählten Nachricht</translation>
    </message>
    <message>
        <source>Duplicates dropped: Amp thread copy</source>
        <translation>Duplikate verworfen: Amp-Thread-Kopie</translation>
    </message>
    <message>
        <source>Duplicates dropped: Droid stale session copy</source>
        <translation>Duplikate verworfen: veraltete Droid-Sitzungskopie</translation>
    </message>
    <message>
        <source>Not counted: Droid counters below what was counted</source>
        <translation>Nicht gezählt: Droid-Zähler unter dem bereits Gezählten</translation>
    </message>
    <message>
        <source>Duplicates dropped: Kimi CLI sub-agent mirror</source>
        <translation>Duplikate verworfen: Kimi CLI Sub-Agent-Spiegelung</translation>
    </message>
    <message>
        <source>Duplicates dropped: Kimi CLI fork copy</source>
        <translation>Duplikate verworfen: Kimi CLI Fork-Kopie</translation>
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
    <name>AgentsPage</name>
    <message>
        <source>Looking for the agents&apos; files…</source>
        <translation>Suche nach den Dateien der Agenten…</translation>
    </message>
    <message>
        <source>Coding agents on this computer</source>
        <translation>Coding-Agenten auf diesem Computer</translation>
    </message>
    <message>
        <source>TokenTally counts the tokens your coding agents use, from the files they already write on this computer.</source>
        <translation>TokenTally zählt die Tokens, die Ihre Coding-Agenten verbrauchen, anhand der Dateien, die sie ohnehin auf diesem Computer schreiben.</translation>
    </message>
    <message numerus="yes">
        <source>Found the usage history of %n agent(s):</source>
        <translation>
            <numerusform>Nutzungsverlauf von %n Agent gefunden:</numerusform>
            <numerusform>Nutzungsverlauf von %n Agenten gefunden:</numerusform>
        </translation>
    </message>
    <message>
        <source>No usage history found yet. TokenTally looked here, and will count new usage as soon as an agent writes some:</source>
        <translation>Noch kein Nutzungsverlauf gefunden. TokenTally hat hier gesucht und zählt neue Nutzung, sobald ein Agent welche schreibt:</translation>
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
        <translation>Zählung</translation>
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
        <translation>
            <numerusform>%n Nachricht ohne Preis</numerusform>
            <numerusform>%n Nachrichten ohne Preis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
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
    <message>
        <source>What left this machine</source>
        <translation>Was diesen Computer verlassen hat</translation>
    </message>
    <message numerus="yes">
        <source>Longest: %n day(s)</source>
        <translation>
            <numerusform>Längste: %n Tag</numerusform>
            <numerusform>Längste: %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 prompt tokens</source>
        <translation>%1 von %2 Prompt-Tokens</translation>
    </message>
    <message>
        <source>%1 of %2 prompt tokens were read from the cache rather than sent again.</source>
        <translation>%1 von %2 Prompt-Tokens wurden aus dem Cache gelesen, statt erneut gesendet zu werden.</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kontingent</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Open settings…</source>
        <translation>Einstellungen öffnen…</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <source>No usage in the agents&apos; files yet</source>
        <translation>Noch keine Nutzung in den Dateien der Agenten</translation>
    </message>
    <message>
        <source>TokenTally found usage files but no counted model calls in them. It reads new usage as soon as the agents write it. It looked in these folders:</source>
        <translation>TokenTally hat Nutzungsdateien gefunden, aber darin keine zählbaren Modellaufrufe. Neue Nutzung liest es, sobald die Agenten sie schreiben. Es hat in diesen Ordnern gesucht:</translation>
    </message>
    <message>
        <source>No coding agent usage found</source>
        <translation>Keine Nutzung von Coding-Agenten gefunden</translation>
    </message>
    <message>
        <source>TokenTally reads the usage that coding agents record in their own files on this computer. It looked in these folders and found none:</source>
        <translation>TokenTally liest die Nutzung, die Coding-Agenten in ihren eigenen Dateien auf diesem Computer festhalten. Es hat in diesen Ordnern gesucht und keine gefunden:</translation>
    </message>
</context>
<context>
    <name>FirstRunController</name>
    <message>
        <source>Could not change start at login: %1</source>
        <translation>Start bei der Anmeldung konnte nicht geändert werden: %1</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to TokenTally</source>
        <translation>Willkommen bei TokenTally</translation>
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
        <translation>
            <numerusform>%1 · %2 Tokens · %3 · %n Sitzung</numerusform>
            <numerusform>%1 · %2 Tokens · %3 · %n Sitzungen</numerusform>
        </translation>
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
    <name>NotSentModel</name>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Why not sent</source>
        <translation>Warum nicht gesendet</translation>
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
    <name>OutboxModel</name>
    <message>
        <source>no answer yet</source>
        <translation>noch keine Antwort</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>conflict (resent)</source>
        <translation>Konflikt (erneut gesendet)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>interrupted (not taken)</source>
        <translation>unterbrochen (nicht übernommen)</translation>
    </message>
    <message>
        <source>%1 … %2 (%3)</source>
        <translation>%1 … %2 (%3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Hourly rows</source>
        <translation>Stundenzeilen</translation>
    </message>
    <message>
        <source>UTC days</source>
        <translation>UTC-Tage</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>Indent</source>
        <translation>Einrücken</translation>
    </message>
    <message>
        <source>Copy body</source>
        <translation>Inhalt kopieren</translation>
    </message>
    <message>
        <source>Every body this computer sent to a sync server, byte for byte. Only hourly totals per agent and model leave: no prompts, code, paths, project names or session ids.</source>
        <translation>Jeder Inhalt, den dieser Computer an einen Synchronisationsserver gesendet hat, Byte für Byte. Nur Stundensummen pro Agent und Modell verlassen ihn: keine Prompts, kein Code, keine Pfade, Projektnamen oder Sitzungs-IDs.</translation>
    </message>
    <message>
        <source>Nothing has left this computer yet. Bodies appear here as they are sent (Submit now, or Auto-submit once signed in).</source>
        <translation>Noch hat nichts diesen Computer verlassen. Inhalte erscheinen hier, sobald sie gesendet werden (Jetzt senden, oder Automatisch senden nach der Anmeldung).</translation>
    </message>
    <message>
        <source>Indent the JSON to read it. Unticked, the text is the exact bytes that were signed and sent.</source>
        <translation>JSON zum Lesen einrücken. Ohne Haken ist der Text genau die Bytes, die signiert und gesendet wurden.</translation>
    </message>
    <message>
        <source>Copies the exact bytes sent</source>
        <translation>Kopiert genau die gesendeten Bytes</translation>
    </message>
    <message>
        <source>Hourly rows not sent (%1): held back here or refused by the server, and never retried by themselves</source>
        <translation>Nicht gesendete Stundenzeilen (%1): hier zurückgehalten oder vom Server abgelehnt und nie von selbst erneut versucht</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Select a body to see it.</source>
        <translation>Wählen Sie einen Inhalt aus, um ihn anzuzeigen.</translation>
    </message>
    <message>
        <source>Body %1 · %2 bytes · SHA-256 %3 · %4</source>
        <translation>Inhalt %1 · %2 Bytes · SHA-256 %3 · %4</translation>
    </message>
    <message>
        <source>Server&apos;s answer (HTTP %1): %2</source>
        <translation>Antwort des Servers (HTTP %1): %2</translation>
    </message>
    <message>
        <source>No answer from the server: %1</source>
        <translation>Keine Antwort vom Server: %1</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>keine aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Indent</source>
        <translation>Einrücken</translation>
    </message>
    <message>
        <source>What stays here, and what sync would send</source>
        <translation>Was hier bleibt und was die Synchronisation senden würde</translation>
    </message>
    <message>
        <source>Sync is off. Nothing leaves this computer until you sign in to a server and submit.</source>
        <translation>Die Synchronisation ist aus. Nichts verlässt diesen Computer, bevor Sie sich bei einem Server anmelden und senden.</translation>
    </message>
    <message>
        <source>Stays on this computer</source>
        <translation>Bleibt auf diesem Computer</translation>
    </message>
    <message>
        <source>Your prompts, the agents&apos; answers, code, file paths, project names and session ids. TokenTally reads only the token counts and keeps hourly totals in a database on this computer.</source>
        <translation>Ihre Prompts, die Antworten der Agenten, Code, Dateipfade, Projektnamen und Sitzungs-IDs. TokenTally liest nur die Token-Zahlen und speichert Stundensummen in einer Datenbank auf diesem Computer.</translation>
    </message>
    <message>
        <source>Sent only if you turn sync on</source>
        <translation>Nur gesendet, wenn Sie die Synchronisation einschalten</translation>
    </message>
    <message>
        <source>Hourly totals per agent and model (token counts, messages, sessions) under a random device id, and nothing else.</source>
        <translation>Stundensummen pro Agent und Modell (Token-Zahlen, Nachrichten, Sitzungen) unter einer zufälligen Geräte-ID, sonst nichts.</translation>
    </message>
    <message>
        <source>Its newest hourly row:</source>
        <translation>Seine neueste Stundenzeile:</translation>
    </message>
    <message>
        <source>Indent the JSON to read it. Unticked, the text is the exact bytes a submit would sign and send.</source>
        <translation>JSON zum Lesen einrücken. Ohne Haken ist der Text genau die Bytes, die beim Senden signiert und gesendet würden.</translation>
    </message>
    <message>
        <source>The exact text (the device id is made when you sign in):</source>
        <translation>Der genaue Text (die Geräte-ID entsteht bei der Anmeldung):</translation>
    </message>
    <message>
        <source>Building a sample from your usage…</source>
        <translation>Beispiel aus Ihrer Nutzung wird erstellt…</translation>
    </message>
    <message>
        <source>Could not build a sample: %1</source>
        <translation>Das Beispiel konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>There is no usage to send yet, so there is no sample to show.</source>
        <translation>Es gibt noch keine Nutzung zum Senden, daher auch kein Beispiel.</translation>
    </message>
    <message numerus="yes">
        <source>A first submit would send %n hourly row(s) from %1 to %2 (UTC).</source>
        <translation>
            <numerusform>Ein erstes Senden würde %n Stundenzeile vom %1 bis %2 (UTC) senden.</numerusform>
            <numerusform>Ein erstes Senden würde %n Stundenzeilen vom %1 bis %2 (UTC) senden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This is the newest of its %n body(ies), byte for byte:</source>
        <translation>
            <numerusform>Dies ist sein einziger Inhalt, Byte für Byte:</numerusform>
            <numerusform>Dies ist der neueste seiner %n Inhalte, Byte für Byte:</numerusform>
        </translation>
    </message>
    <message>
        <source>Still reading your usage history (%1%): the sample grows until it is done.</source>
        <translation>Ihr Nutzungsverlauf wird noch gelesen (%1 %): Das Beispiel wächst, bis das fertig ist.</translation>
    </message>
    <message>
        <source>Hour (UTC)</source>
        <translation>Stunde (UTC)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Cache-Schreiben</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>Cache-Lesen</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
</context>
<context>
    <name>QuotaAlerts</name>
    <message>
        <source>%1: %2 window reset</source>
        <translation>%1: %2-Fenster zurückgesetzt</translation>
    </message>
    <message>
        <source>The %1 window was at %2 before it reset.</source>
        <translation>Das %1-Fenster stand vor dem Zurücksetzen bei %2.</translation>
    </message>
    <message>
        <source>%1 of the %2 window used.</source>
        <translation>%1 des %2-Fensters verbraucht.</translation>
    </message>
    <message>
        <source>It resets at %1.</source>
        <translation>Es wird um %1 zurückgesetzt.</translation>
    </message>
    <message>
        <source>%1: %2 window at %3</source>
        <translation>%1: %2-Fenster bei %3</translation>
    </message>
</context>
<context>
    <name>QuotaText</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>5 h</source>
        <translation>5 Std.</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>%1 week</source>
        <translation>%1-Woche</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 reset</source>
        <translation>%1 zurückgesetzt</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>resets %1</source>
        <translation>zurück um %1</translation>
    </message>
    <message>
        <source>cached %1 ago</source>
        <translation>zwischengespeichert vor %1</translation>
    </message>
    <message>
        <source>Codex logs</source>
        <translation>Codex-Protokollen</translation>
    </message>
    <message>
        <source>Claude Code statusline</source>
        <translation>Claude-Code-Statuszeile</translation>
    </message>
    <message>
        <source>Claude Code&apos;s cache</source>
        <translation>Claude Codes Zwischenspeicher</translation>
    </message>
    <message>
        <source>reset (was %1)</source>
        <translation>zurückgesetzt (war %1)</translation>
    </message>
    <message>
        <source>%1, resets %2</source>
        <translation>%1, zurück um %2</translation>
    </message>
    <message>
        <source>seen %1 ago in %2</source>
        <translation>vor %1 gesehen in %2</translation>
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
        <source>Start TokenTally when I log in</source>
        <translation>TokenTally bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>TokenTally settings</source>
        <translation>TokenTally-Einstellungen</translation>
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
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Notify when a quota window reaches</source>
        <translation>Benachrichtigen, wenn ein Kontingentfenster erreicht:</translation>
    </message>
    <message>
        <source>Notify when a quota window resets</source>
        <translation>Benachrichtigen, wenn ein Kontingentfenster zurückgesetzt wird</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kontingent</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Create a new account</source>
        <translation>Neues Konto erstellen</translation>
    </message>
    <message>
        <source>Use an existing account</source>
        <translation>Vorhandenes Konto verwenden</translation>
    </message>
    <message>
        <source>Sign in to a TokenTally server</source>
        <translation>Bei einem TokenTally-Server anmelden</translation>
    </message>
    <message>
        <source>3-32 letters, digits, - or _</source>
        <translation>3–32 Buchstaben, Ziffern, - oder _</translation>
    </message>
    <message>
        <source>The token shown when the account was created</source>
        <translation>Das beim Erstellen des Kontos angezeigte Token</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Only hourly totals per agent and model are sent (tokens, messages, sessions), under a random device id, when you submit or turn on Auto-submit. Never prompts, code, file paths, project names or session ids. The token and the device key stay in the system keyring.</source>
        <translation>Gesendet werden nur Stundensummen pro Agent und Modell (Tokens, Nachrichten, Sitzungen) unter einer zufälligen Geräte-ID, wenn Sie senden oder Automatisch senden einschalten. Nie Prompts, Code, Dateipfade, Projektnamen oder Sitzungs-IDs. Token und Geräteschlüssel bleiben im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>The server must be an address starting with https:// or http://.</source>
        <translation>Der Server muss eine Adresse sein, die mit https:// oder http:// beginnt.</translation>
    </message>
    <message>
        <source>Choose a user name for the new account.</source>
        <translation>Wählen Sie einen Benutzernamen für das neue Konto.</translation>
    </message>
    <message>
        <source>Paste the API token of your account.</source>
        <translation>Fügen Sie das API-Token Ihres Kontos ein.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Signed in as %1. This is your account&apos;s API token, shown only this once. Keep it somewhere safe: you need it to sign in on another computer.</source>
        <translation>Angemeldet als %1. Dies ist das API-Token Ihres Kontos, es wird nur dieses eine Mal angezeigt. Bewahren Sie es sicher auf: Sie brauchen es, um sich auf einem anderen Computer anzumelden.</translation>
    </message>
</context>
<context>
    <name>SourcesView</name>
    <message>
        <source>No usage files found</source>
        <translation>Keine Nutzungsdateien gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) · %1</source>
        <translation>
            <numerusform>%n Datei · %1</numerusform>
            <numerusform>%n Dateien · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>To read other folders, add them under Settings → %1 (one AGENT=PATH a line), or start TokenTally with --data-dir AGENT=PATH. The agents&apos; own variables move their folders too: %2.</source>
        <translation>Um andere Ordner zu lesen, tragen Sie sie unter Einstellungen → %1 ein (eine Zeile AGENT=PFAD je Ordner) oder starten Sie TokenTally mit --data-dir AGENT=PFAD. Auch die eigenen Variablen der Agenten verlegen ihre Ordner: %2.</translation>
    </message>
    <message>
        <source>%1 (not there)</source>
        <translation>%1 (nicht vorhanden)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Start TokenTally when I log in</source>
        <translation>TokenTally bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Start and sync</source>
        <translation>Start und Synchronisation</translation>
    </message>
    <message>
        <source>You can change both later in Settings.</source>
        <translation>Sie können beides später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>TokenTally then sits in the tray and counts new usage as it happens. Without it, usage is still counted the next time you open TokenTally.</source>
        <translation>TokenTally sitzt dann im Systembereich und zählt neue Nutzung, sobald sie entsteht. Ohne diese Option wird die Nutzung beim nächsten Öffnen von TokenTally nachgezählt.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Sign in to a TokenTally server to share your totals on its leaderboard. Signing in sends nothing by itself.</source>
        <translation>Melden Sie sich bei einem TokenTally-Server an, um Ihre Summen in seiner Bestenliste zu zeigen. Die Anmeldung allein sendet nichts.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Sync is off. To share your totals on a leaderboard, sign in to a TokenTally server; then submit from the tray menu, by hand with Submit now or by itself with Auto-submit.</source>
        <translation>Die Synchronisation ist aus. Um Ihre Summen in einer Bestenliste zu zeigen, melden Sie sich bei einem TokenTally-Server an und senden dann über das Menü im Systembereich: von Hand mit „Jetzt senden“ oder von selbst mit „Automatisch senden“.</translation>
    </message>
    <message>
        <source>Signed in as %1 at %2. Auto-submit is on: hourly totals are sent when new usage has settled.</source>
        <translation>Angemeldet als %1 bei %2. „Automatisch senden“ ist an: Stundensummen werden gesendet, wenn neue Nutzung zur Ruhe gekommen ist.</translation>
    </message>
    <message>
        <source>Signed in as %1 at %2. Auto-submit is off: nothing is sent until you choose Submit now or turn on Auto-submit in the tray menu.</source>
        <translation>Angemeldet als %1 bei %2. „Automatisch senden“ ist aus: Nichts wird gesendet, bis Sie im Menü im Systembereich „Jetzt senden“ wählen oder „Automatisch senden“ einschalten.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>Signed out. Nothing is sent until you sign in again.</source>
        <translation>Abgemeldet. Bis zur erneuten Anmeldung wird nichts gesendet.</translation>
    </message>
    <message>
        <source>Your profile is public: it is on the leaderboard.</source>
        <translation>Ihr Profil ist öffentlich: Es steht in der Bestenliste.</translation>
    </message>
    <message>
        <source>Your profile is unlisted: only people with the link see it.</source>
        <translation>Ihr Profil ist nicht gelistet: Nur wer den Link hat, sieht es.</translation>
    </message>
    <message>
        <source>Your profile is private: only you see it.</source>
        <translation>Ihr Profil ist privat: Nur Sie sehen es.</translation>
    </message>
    <message>
        <source>Your data was deleted from the server, and this computer signed out.</source>
        <translation>Ihre Daten wurden vom Server gelöscht, und dieser Computer hat sich abgemeldet.</translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <source>Cannot open the usage store %1: %2</source>
        <translation>Der Nutzungsspeicher %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Sync has not started.</source>
        <translation>Die Synchronisation wurde nicht gestartet.</translation>
    </message>
</context>
<context>
    <name>SyncStatusFormat</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation>
            <numerusform>in %n s</numerusform>
            <numerusform>in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>in %n Min.</numerusform>
            <numerusform>in %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n h</source>
        <translation>
            <numerusform>in %n Std.</numerusform>
            <numerusform>in %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>zu viele Anfragen</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>vom Server abgelehnt</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>local store error</source>
        <translation>Fehler im lokalen Speicher</translation>
    </message>
    <message>
        <source>Sync unavailable: the local store cannot be opened</source>
        <translation>Synchronisation nicht verfügbar: Der lokale Speicher kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Sync: not signed in</source>
        <translation>Synchronisation: nicht angemeldet</translation>
    </message>
    <message>
        <source>Sync: signed out by the server</source>
        <translation>Synchronisation: vom Server abgemeldet</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Letzte Synchronisation: nie</translation>
    </message>
    <message>
        <source>Last sync: %1 · %2</source>
        <translation>Letzte Synchronisation: %1 · %2</translation>
    </message>
    <message>
        <source>The server no longer accepts this sign-in: sign in again.</source>
        <translation>Der Server akzeptiert diese Anmeldung nicht mehr: Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Auto-submit is paused until you submit by hand or sign in again.</source>
        <translation>Automatisches Senden ist pausiert, bis Sie von Hand senden oder sich erneut anmelden.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) waiting to be sent</source>
        <translation>
            <numerusform>%n Tag wartet auf das Senden</numerusform>
            <numerusform>%n Tage warten auf das Senden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hourly row(s) not sent (see What left this machine)</source>
        <translation>
            <numerusform>%n Stundenzeile nicht gesendet (siehe Was diesen Computer verlassen hat)</numerusform>
            <numerusform>%n Stundenzeilen nicht gesendet (siehe Was diesen Computer verlassen hat)</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: %1 · %2 · retry %3</source>
        <translation>Letzte Synchronisation: %1 · %2 · neuer Versuch %3</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Open dashboard</source>
        <translation>Übersicht öffnen</translation>
    </message>
    <message>
        <source>Submit now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <source>Auto-submit</source>
        <translation>Automatisch senden</translation>
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
        <source>Indexing history: %1%</source>
        <translation>Verlauf wird indiziert: %1 %</translation>
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
        <source>TokenTally
Reading usage files…</source>
        <translation>TokenTally
Nutzungsdateien werden gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>Submit when new usage has settled, and every %n minute(s)</source>
        <translation>
            <numerusform>Senden, wenn neue Nutzung zur Ruhe gekommen ist, und jede Minute</numerusform>
            <numerusform>Senden, wenn neue Nutzung zur Ruhe gekommen ist, und alle %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in again to keep submitting.</source>
        <translation>Melden Sie sich erneut an, um weiter zu senden.</translation>
    </message>
    <message>
        <source>Sync: starting…</source>
        <translation>Synchronisation: startet…</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Erneut anmelden…</translation>
    </message>
    <message>
        <source>Sign in to submit…</source>
        <translation>Zum Senden anmelden…</translation>
    </message>
    <message>
        <source>Sign in to a server first</source>
        <translation>Melden Sie sich zuerst bei einem Server an</translation>
    </message>
    <message>
        <source>Today: %1 tokens · %2</source>
        <translation>Heute: %1 Tokens · %2</translation>
    </message>
    <message>
        <source>This week: %1 tokens · %2</source>
        <translation>Diese Woche: %1 Tokens · %2</translation>
    </message>
    <message>
        <source>This month: %1 tokens · %2</source>
        <translation>Dieser Monat: %1 Tokens · %2</translation>
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
