<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountingModel</name>
    <message>
        <source>Duplicates dropped: Claude repeated message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicates dropped: Claude sub-agent replay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicates dropped: Claude progress mirror</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicates dropped: Codex re-emitted total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicates dropped: Codex stale total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicates dropped: Codex copied event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicates dropped: Codex sub-agent replay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicates dropped: OpenCode copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not counted: zero-token calls</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Files tracked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Files deleted by the agents (history kept)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bytes read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lines read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage events seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Events counted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Malformed lines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bytes waiting for a complete line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unpriced models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price table</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none (bundled prices)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price file error (bundled prices used)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AgentBreakdownModel</name>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache efficiency</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CostChart</name>
    <message>
        <source>Cost over time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>90 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>TokenTally</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export JSON…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Indexing usage history… %p%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the whole year</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Active days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Streak</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache efficiency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Activity over the last year</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by session or model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All agents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accounting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Showing %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Showing the last 12 months</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 output</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n unpriced message(s)</source>
        <translation><numerusform>%n unpriced message</numerusform><numerusform>%n unpriced messages</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>longest %n</source>
        <translation><numerusform>longest %n</numerusform><numerusform>longest %n</numerusform></translation>
    </message>
    <message>
        <source>of prompt tokens from cache</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Today: %1 tokens · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export usage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <source>TokenTally runs as a window because it was started with --windowed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No system tray was found (the desktop has no tray host or status notifier area), so TokenTally runs as this window. Closing it quits TokenTally.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HeatmapWidget</name>
    <message>
        <source>Usage calendar</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 · %2 tokens · %3 · %n session(s)</source>
        <translation><numerusform>%1 · %2 tokens · %3 · %n session</numerusform><numerusform>%1 · %2 tokens · %3 · %n sessions</numerusform></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Less</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ModelMixChart</name>
    <message>
        <source>Model mix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No usage in view</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ModelMixModel</name>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NumberFormat</name>
    <message>
        <source>unpriced</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Cannot write the settings file %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Submit hourly totals automatically</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start TokenTally when I log in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TokenTally settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Private (only you)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlisted (anyone with the link)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Public (on the leaderboard)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One per line: claude-code=/path, codex=/path, opencode=/path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System time zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Submit every</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Profile visibility</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Extra data folders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server URL must start with https:// or http://.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>These data folder lines are not AGENT=PATH:
%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown time zone: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not change start at login: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>%1: %2 tokens · %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last sync: never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Submit now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sync not available yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Auto-submit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>View leaderboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Indexing history: %1%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Top model: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last sync: never (sync not available yet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TokenTally
Reading usage files…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UsageService</name>
    <message>
        <source>Cannot open the usage store %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scan failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The usage store is not open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price file %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>