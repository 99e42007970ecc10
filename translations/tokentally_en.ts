<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AgentsPage</name>
    <message numerus="yes">
        <source>Found the usage history of %n agent(s):</source>
        <translation>
            <numerusform>Found the usage history of %n agent:</numerusform>
            <numerusform>Found the usage history of %n agents:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message numerus="yes">
        <source>%n unpriced message(s)</source>
        <translation>
            <numerusform>%n unpriced message</numerusform>
            <numerusform>%n unpriced messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Longest: %n day(s)</source>
        <translation>
            <numerusform>Longest: %n day</numerusform>
            <numerusform>Longest: %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeatmapWidget</name>
    <message numerus="yes">
        <source>%1 · %2 tokens · %3 · %n session(s)</source>
        <translation>
            <numerusform>%1 · %2 tokens · %3 · %n session</numerusform>
            <numerusform>%1 · %2 tokens · %3 · %n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message numerus="yes">
        <source>A first submit would send %n hourly row(s) from %1 to %2 (UTC).</source>
        <translation>
            <numerusform>A first submit would send %n hourly row from %1 to %2 (UTC).</numerusform>
            <numerusform>A first submit would send %n hourly rows from %1 to %2 (UTC).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This is the newest of its %n body(ies), byte for byte:</source>
        <translation>
            <numerusform>This is its only body, byte for byte:</numerusform>
            <numerusform>This is the newest of its %n bodies, byte for byte:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotaText</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesView</name>
    <message numerus="yes">
        <source>%n file(s) · %1</source>
        <translation>
            <numerusform>%n file · %1</numerusform>
            <numerusform>%n files · %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusFormat</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
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
            <numerusform>in %n min</numerusform>
            <numerusform>in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n h</source>
        <translation>
            <numerusform>in %n h</numerusform>
            <numerusform>in %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) waiting to be sent</source>
        <translation>
            <numerusform>%n day waiting to be sent</numerusform>
            <numerusform>%n days waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hourly row(s) not sent (see What left this machine)</source>
        <translation>
            <numerusform>%n hourly row not sent (see What left this machine)</numerusform>
            <numerusform>%n hourly rows not sent (see What left this machine)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message numerus="yes">
        <source>Submit when new usage has settled, and every %n minute(s)</source>
        <translation>
            <numerusform>Submit when new usage has settled, and every minute</numerusform>
            <numerusform>Submit when new usage has settled, and every %n minutes</numerusform>
        </translation>
    </message>
</context>
</TS>
