<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountPage</name>
    <message>
        <source>Sign out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete my data on the server…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Submit automatically when new usage has settled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forget the account on this computer and remove its token and device key from the keyring. The server keeps your data.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account</source>
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
        <source>Changed on the server at once.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Visibility</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Submitting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Also every</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading the sync state…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not signed in. Nothing leaves this computer until you sign in to a server and submit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at &lt;a href="%2"&gt;%3&lt;/a&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server no longer accepts the sign-in of %1. Sign in again to keep submitting.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This computer's device id: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in again…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to submit first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signing out…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Changing the visibility on the server…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deleting your data on the server…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete my data on the server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the account %1 and everything it submitted from %2?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your profile, devices and hourly totals are removed from the server for good, and this computer signs out. Your usage on this computer stays, and so does the list of what was sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete on the server</source>
        <translation type="unfinished" />
    </message>
</context>
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
    <message>
        <source>What left this machine</source>
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
    <name>NotSentModel</name>
    <message>
        <source>Hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why not sent</source>
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
    <name>OutboxModel</name>
    <message>
        <source>no answer yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>conflict (resent)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>interrupted (not taken)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 … %2 (%3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seq</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hourly rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>UTC days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>Indent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy body</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every body this computer sent to a sync server, byte for byte. Only hourly totals per agent and model leave: no prompts, code, paths, project names or session ids.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing has left this computer yet. Bodies appear here as they are sent (Submit now, or Auto-submit once signed in).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Indent the JSON to read it. Unticked, the text is the exact bytes that were signed and sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copies the exact bytes sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hourly rows not sent (%1): held back here or refused by the server, and never retried by themselves</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a body to see it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Body %1 · %2 bytes · SHA-256 %3 · %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server's answer (HTTP %1): %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No answer from the server: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none recorded</source>
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
        <source>Start TokenTally when I log in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TokenTally settings</source>
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
    <message>
        <source>General</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Create a new account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use an existing account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to a TokenTally server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>3-32 letters, digits, - or _</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The token shown when the account was created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only hourly totals per agent and model are sent (tokens, messages, sessions), under a random device id, when you submit or turn on Auto-submit. Never prompts, code, file paths, project names or session ids. The token and the device key stay in the system keyring.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server must be an address starting with https:// or http://.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a user name for the new account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste the API token of your account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed in as %1. This is your account's API token, shown only this once. Keep it somewhere safe: you need it to sign in on another computer.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed out. Nothing is sent until you sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your profile is public: it is on the leaderboard.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your profile is unlisted: only people with the link see it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your profile is private: only you see it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your data was deleted from the server, and this computer signed out.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <source>Cannot open the usage store %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync has not started.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncStatusFormat</name>
    <message>
        <source>just now</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation><numerusform>%n min ago</numerusform><numerusform>%n min ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation><numerusform>%n h ago</numerusform><numerusform>%n h ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation><numerusform>%n day ago</numerusform><numerusform>%n days ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation><numerusform>in %n s</numerusform><numerusform>in %n s</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation><numerusform>in %n min</numerusform><numerusform>in %n min</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n h</source>
        <translation><numerusform>in %n h</numerusform><numerusform>in %n h</numerusform></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>rate limited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>signed out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not signed in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>refused by the server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>server error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>conflict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>local store error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync unavailable: the local store cannot be opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync: not signed in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync: signed out by the server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last sync: never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last sync: %1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, retry %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server no longer accepts this sign-in: sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Auto-submit is paused until you submit by hand or sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n day(s) waiting to be sent</source>
        <translation><numerusform>%n day waiting to be sent</numerusform><numerusform>%n days waiting to be sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hourly row(s) not sent (see What left this machine)</source>
        <translation><numerusform>%n hourly row not sent (see What left this machine)</numerusform><numerusform>%n hourly rows not sent (see What left this machine)</numerusform></translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>%1: %2 tokens · %3</source>
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
        <source>TokenTally
Reading usage files…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Submit when new usage has settled, and every %n minute(s)</source>
        <translation><numerusform>Submit when new usage has settled, and every minute</numerusform><numerusform>Submit when new usage has settled, and every %n minutes</numerusform></translation>
    </message>
    <message>
        <source>Sign in again to keep submitting.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync: starting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in again…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to submit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to a server first</source>
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