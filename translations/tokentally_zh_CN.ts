<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountingModel</name>
    <message>
        <source>Duplicates dropped: Claude repeated message</source>
        <translation>已丢弃重复：Claude 重复消息</translation>
    </message>
    <message>
        <source>Duplicates dropped: Claude sub-agent replay</source>
        <translation>已丢弃重复：Claude 子代理重放</translation>
    </message>
    <message>
        <source>Duplicates dropped: Claude progress mirror</source>
        <translation>已丢弃重复：Claude 进度镜像</translation>
    </message>
    <message>
        <source>Duplicates dropped: Codex re-emitted total</source>
        <translation>已丢弃重复：Codex 重复上报的总数</translation>
    </message>
    <message>
        <source>Duplicates dropped: Codex stale total</source>
        <translation>已丢弃重复：Codex 过期总数</translation>
    </message>
    <message>
        <source>Duplicates dropped: Codex copied event</source>
        <translation>已丢弃重复：Codex 复制的事件</translation>
    </message>
    <message>
        <source>Duplicates dropped: Codex sub-agent replay</source>
        <translation>已丢弃重复：Codex 子代理重放</translation>
    </message>
    <message>
        <source>Duplicates dropped: OpenCode copy</source>
        <translation>已丢弃重复：OpenCode 副本</translation>
    </message>
    <message>
        <source>Not counted: zero-token calls</source>
        <translation>未计入：零 token 调用</translation>
    </message>
    <message>
        <source>Files tracked</source>
        <translation>跟踪的文件</translation>
    </message>
    <message>
        <source>Files deleted by the agents (history kept)</source>
        <translation>被代理删除的文件（历史保留）</translation>
    </message>
    <message>
        <source>Bytes read</source>
        <translation>已读取字节</translation>
    </message>
    <message>
        <source>Lines read</source>
        <translation>已读取行数</translation>
    </message>
    <message>
        <source>Usage events seen</source>
        <translation>发现的用量事件</translation>
    </message>
    <message>
        <source>Events counted</source>
        <translation>计入的事件</translation>
    </message>
    <message>
        <source>Malformed lines</source>
        <translation>格式错误的行</translation>
    </message>
    <message>
        <source>Bytes waiting for a complete line</source>
        <translation>等待完整行的字节</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Unpriced models</source>
        <translation>无价格的模型</translation>
    </message>
    <message>
        <source>Price table</source>
        <translation>价格表</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>none (bundled prices)</source>
        <translation>无（使用内置价格）</translation>
    </message>
    <message>
        <source>Price file</source>
        <translation>价格文件</translation>
    </message>
    <message>
        <source>Price file error (bundled prices used)</source>
        <translation>价格文件错误（已使用内置价格）</translation>
    </message>
</context>
<context>
    <name>AgentBreakdownModel</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Cache efficiency</source>
        <translation>缓存效率</translation>
    </message>
</context>
<context>
    <name>CostChart</name>
    <message>
        <source>Cost over time</source>
        <translation>费用趋势</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 天</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
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
        <translation>操作</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Indexing usage history… %p%</source>
        <translation>正在索引用量历史… %p%</translation>
    </message>
    <message>
        <source>Show the whole year</source>
        <translation>显示全年</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Active days</source>
        <translation>活跃天数</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>连续天数</translation>
    </message>
    <message>
        <source>Cache efficiency</source>
        <translation>缓存效率</translation>
    </message>
    <message>
        <source>Activity over the last year</source>
        <translation>过去一年的活动</translation>
    </message>
    <message>
        <source>Filter by session or model</source>
        <translation>按会话或模型筛选</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>所有代理</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Accounting</source>
        <translation>统计明细</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>显示 %1</translation>
    </message>
    <message>
        <source>Showing the last 12 months</source>
        <translation>显示最近 12 个月</translation>
    </message>
    <message>
        <source>%1 output</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message numerus="yes">
        <source>%n unpriced message(s)</source>
        <translation><numerusform>%n 条消息无价格</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n 天</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>longest %n</source>
        <translation><numerusform>最长 %n</numerusform></translation>
    </message>
    <message>
        <source>of prompt tokens from cache</source>
        <translation>的提示 token 来自缓存</translation>
    </message>
    <message>
        <source>Today: %1 tokens · %2</source>
        <translation>今天：%1 tokens · %2</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Export usage</source>
        <translation>导出用量</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <source>TokenTally runs as a window because it was started with --windowed.</source>
        <translation>TokenTally 以窗口方式运行，因为启动时使用了 --windowed。</translation>
    </message>
    <message>
        <source>No system tray was found (the desktop has no tray host or status notifier area), so TokenTally runs as this window. Closing it quits TokenTally.</source>
        <translation>未找到系统托盘（桌面没有托盘宿主或状态通知区域），因此 TokenTally 以此窗口运行。关闭窗口将退出 TokenTally。</translation>
    </message>
</context>
<context>
    <name>HeatmapWidget</name>
    <message>
        <source>Usage calendar</source>
        <translation>用量日历</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 tokens · %3 · %n session(s)</source>
        <translation><numerusform>%1 · %2 tokens · %3 · %n 个会话</numerusform></translation>
    </message>
    <message>
        <source>More</source>
        <translation>多</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>少</translation>
    </message>
</context>
<context>
    <name>ModelMixChart</name>
    <message>
        <source>Model mix</source>
        <translation>模型构成</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>No usage in view</source>
        <translation>此范围内没有用量</translation>
    </message>
</context>
<context>
    <name>ModelMixModel</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
</context>
<context>
    <name>NumberFormat</name>
    <message>
        <source>unpriced</source>
        <translation>无价格</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Cannot write the settings file %1</source>
        <translation>无法写入设置文件 %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Submit hourly totals automatically</source>
        <translation>自动提交每小时汇总</translation>
    </message>
    <message>
        <source>Start TokenTally when I log in</source>
        <translation>登录时启动 TokenTally</translation>
    </message>
    <message>
        <source>TokenTally settings</source>
        <translation>TokenTally 设置</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Private (only you)</source>
        <translation>私密（仅自己）</translation>
    </message>
    <message>
        <source>Unlisted (anyone with the link)</source>
        <translation>不公开列出（持链接者可见）</translation>
    </message>
    <message>
        <source>Public (on the leaderboard)</source>
        <translation>公开（显示在排行榜上）</translation>
    </message>
    <message>
        <source>One per line: claude-code=/path, codex=/path, opencode=/path</source>
        <translation>每行一个：claude-code=/路径、codex=/路径、opencode=/路径</translation>
    </message>
    <message>
        <source>System time zone</source>
        <translation>系统时区</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>服务器 URL</translation>
    </message>
    <message>
        <source>Submit every</source>
        <translation>提交间隔</translation>
    </message>
    <message>
        <source>Profile visibility</source>
        <translation>个人资料可见性</translation>
    </message>
    <message>
        <source>Extra data folders</source>
        <translation>额外数据文件夹</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The server URL must start with https:// or http://.</source>
        <translation>服务器 URL 必须以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <source>These data folder lines are not AGENT=PATH:
%1</source>
        <translation>以下数据文件夹行不是 AGENT=PATH 格式：
%1</translation>
    </message>
    <message>
        <source>Unknown time zone: %1</source>
        <translation>未知时区：%1</translation>
    </message>
    <message>
        <source>Could not change start at login: %1</source>
        <translation>无法更改登录时启动：%1</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>%1: %2 tokens · %3</source>
        <translation>%1：%2 tokens · %3</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>上次同步：从未</translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation>打开仪表板</translation>
    </message>
    <message>
        <source>Submit now</source>
        <translation>立即提交</translation>
    </message>
    <message>
        <source>sync not available yet</source>
        <translation>同步功能尚不可用</translation>
    </message>
    <message>
        <source>Auto-submit</source>
        <translation>自动提交</translation>
    </message>
    <message>
        <source>View leaderboard</source>
        <translation>查看排行榜</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Indexing history: %1%</source>
        <translation>正在索引历史：%1%</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Top model: %1</source>
        <translation>最常用模型：%1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Last sync: never (sync not available yet)</source>
        <translation>上次同步：从未（同步功能尚不可用）</translation>
    </message>
    <message>
        <source>TokenTally
Reading usage files…</source>
        <translation>TokenTally
正在读取用量文件…</translation>
    </message>
</context>
<context>
    <name>UsageService</name>
    <message>
        <source>Cannot open the usage store %1: %2</source>
        <translation>无法打开用量存储 %1：%2</translation>
    </message>
    <message>
        <source>Scan failed: %1</source>
        <translation>扫描失败：%1</translation>
    </message>
    <message>
        <source>The usage store is not open.</source>
        <translation>用量存储未打开。</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Price file %1: %2</source>
        <translation>价格文件 %1：%2</translation>
    </message>
</context>
</TS>