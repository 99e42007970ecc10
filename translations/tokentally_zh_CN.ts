<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountPage</name>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>个人资料</translation>
    </message>
    <message>
        <source>Delete my data on the server…</source>
        <translation>删除我在服务器上的数据…</translation>
    </message>
    <message>
        <source>Submit automatically when new usage has settled</source>
        <translation>新用量稳定后自动提交</translation>
    </message>
    <message>
        <source>Forget the account on this computer and remove its token and device key from the keyring. The server keeps your data.</source>
        <translation>在此计算机上忘记该账户，并从密钥环中删除其令牌和设备密钥。服务器会保留您的数据。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
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
        <source>Changed on the server at once.</source>
        <translation>会立即在服务器上更改。</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <source>Submitting</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Reading the sync state…</source>
        <translation>正在读取同步状态…</translation>
    </message>
    <message>
        <source>Not signed in. Nothing leaves this computer until you sign in to a server and submit.</source>
        <translation>未登录。在您登录服务器并提交之前，没有任何数据会离开这台计算机。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt; 上的 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The server no longer accepts the sign-in of %1. Sign in again to keep submitting.</source>
        <translation>服务器不再接受 %1 的登录。请重新登录以继续提交。</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>已登录为 %1。</translation>
    </message>
    <message>
        <source>This computer&apos;s device id: %1</source>
        <translation>此计算机的设备 ID：%1</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>重新登录…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Sign in to submit first.</source>
        <translation>请先登录才能提交。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>正在退出登录…</translation>
    </message>
    <message>
        <source>Changing the visibility on the server…</source>
        <translation>正在服务器上更改可见性…</translation>
    </message>
    <message>
        <source>Deleting your data on the server…</source>
        <translation>正在删除您在服务器上的数据…</translation>
    </message>
    <message>
        <source>Delete my data on the server</source>
        <translation>删除我在服务器上的数据</translation>
    </message>
    <message>
        <source>Delete the account %1 and everything it submitted from %2?</source>
        <translation>要从 %2 删除账户 %1 及其提交的全部内容吗？</translation>
    </message>
    <message>
        <source>Your profile, devices and hourly totals are removed from the server for good, and this computer signs out. Your usage on this computer stays, and so does the list of what was sent.</source>
        <translation>您的个人资料、设备和每小时汇总将从服务器上永久删除，此计算机也会退出登录。此计算机上的用量数据以及已发送内容的列表都会保留。</translation>
    </message>
    <message>
        <source>Delete on the server</source>
        <translation>在服务器上删除</translation>
    </message>
    <message>
        <source> min</source>
        <comment>unit after a number of minutes</comment>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Besides after new usage, auto-submit also runs at this interval.</source>
        <translation>除了在有新用量后提交，自动提交还会按此间隔运行。</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
</context>
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
        <translation>未计入：Token 为零的调用</translation>
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
    <message>
        <source>Not counted: dated more than a day ahead</source>
        <translation>未计入：日期超前一天以上</translation>
    </message>
    <message>
        <source>Malformed: not JSON</source>
        <translation>格式错误：不是 JSON</translation>
    </message>
    <message>
        <source>Malformed: unreadable timestamp</source>
        <translation>格式错误：无法读取的时间戳</translation>
    </message>
    <message>
        <source>Malformed: negative token count</source>
        <translation>格式错误：令牌数为负</translation>
    </message>
    <message>
        <source>Malformed: fractional token count</source>
        <translation>格式错误：令牌数为小数</translation>
    </message>
    <message>
        <source>Malformed: token count above 2^53</source>
        <translation>格式错误：令牌数超过 2^53</translation>
    </message>
    <message>
        <source>Malformed: token count not a number</source>
        <translation>格式错误：令牌数不是数字</translation>
    </message>
    <message>
        <source>Malformed: token count null</source>
        <translation>格式错误：令牌数为 null</translation>
    </message>
    <message>
        <source>Duplicates dropped: Gemini CLI repeated or resumed message</source>
        <translation>已丢弃重复：Gemini CLI 重复或恢复的消息</translation>
    </message>
    <message>
        <source>Duplicates dropped: Qwen Code /branch copy</source>
        <translation>已丢弃重复：Qwen Code /branch 副本</translation>
    </message>
    <message>
        <source>Duplicates dropped: Qwen Code repeated record</source>
        <translation>已丢弃重复：Qwen Code 重复记录</translation>
    </message>
    <message>
        <source>Duplicates dropped: Amp ledger event of a counted message</source>
        <translation>已丢弃重复：已计消息的 Amp 账本事件</translation>
    </message>
    <message>
        <source>Duplicates dropped: Amp thread copy</source>
        <translation>已丢弃重复：Amp 线程副本</translation>
    </message>
    <message>
        <source>Duplicates dropped: Droid stale session copy</source>
        <translation>已丢弃重复：Droid 过期会话副本</translation>
    </message>
    <message>
        <source>Not counted: Droid counters below what was counted</source>
        <translation>未计入：Droid 计数器低于已计数值</translation>
    </message>
    <message>
        <source>Duplicates dropped: Kimi CLI sub-agent mirror</source>
        <translation>已丢弃重复：Kimi CLI 子代理镜像</translation>
    </message>
    <message>
        <source>Duplicates dropped: Kimi CLI fork copy</source>
        <translation>已丢弃重复：Kimi CLI 分叉副本</translation>
    </message>
</context>
<context>
    <name>AgentBreakdownModel</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
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
    <name>AgentsPage</name>
    <message>
        <source>Looking for the agents&apos; files…</source>
        <translation>正在查找代理的文件…</translation>
    </message>
    <message>
        <source>Coding agents on this computer</source>
        <translation>此计算机上的编程代理</translation>
    </message>
    <message>
        <source>TokenTally counts the tokens your coding agents use, from the files they already write on this computer.</source>
        <translation>TokenTally 根据编程代理已在此计算机上写入的文件，统计它们使用的 Token。</translation>
    </message>
    <message numerus="yes">
        <source>Found the usage history of %n agent(s):</source>
        <translation>
            <numerusform>找到 %n 个代理的用量历史：</numerusform>
        </translation>
    </message>
    <message>
        <source>No usage history found yet. TokenTally looked here, and will count new usage as soon as an agent writes some:</source>
        <translation>尚未找到用量历史。TokenTally 查找了以下位置，一旦有代理写入新用量就会开始统计：</translation>
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
        <translation>Token</translation>
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
        <translation>%1 Token</translation>
    </message>
    <message numerus="yes">
        <source>%n unpriced message(s)</source>
        <translation>
            <numerusform>%n 条消息无价格</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Today: %1 tokens · %2</source>
        <translation>今天：%1 Token · %2</translation>
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
    <message>
        <source>What left this machine</source>
        <translation>离开本机的数据</translation>
    </message>
    <message numerus="yes">
        <source>Longest: %n day(s)</source>
        <translation>
            <numerusform>最长：%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 prompt tokens</source>
        <translation>%2 提示 Token 中的 %1</translation>
    </message>
    <message>
        <source>%1 of %2 prompt tokens were read from the cache rather than sent again.</source>
        <translation>%2 个提示 Token 中有 %1 个从缓存读取，而不是重新发送。</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>配额</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Open settings…</source>
        <translation>打开设置…</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>No usage in the agents&apos; files yet</source>
        <translation>代理的文件中还没有用量</translation>
    </message>
    <message>
        <source>TokenTally found usage files but no counted model calls in them. It reads new usage as soon as the agents write it. It looked in these folders:</source>
        <translation>TokenTally 找到了用量文件，但其中没有可计入的模型调用。代理一写入新用量就会读取。它查找了这些文件夹：</translation>
    </message>
    <message>
        <source>No coding agent usage found</source>
        <translation>未找到编程代理的用量</translation>
    </message>
    <message>
        <source>TokenTally reads the usage that coding agents record in their own files on this computer. It looked in these folders and found none:</source>
        <translation>TokenTally 读取编程代理在此计算机上自己的文件中记录的用量。它查找了这些文件夹，但没有找到：</translation>
    </message>
</context>
<context>
    <name>FirstRunController</name>
    <message>
        <source>Could not change start at login: %1</source>
        <translation>无法更改登录时启动：%1</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to TokenTally</source>
        <translation>欢迎使用 TokenTally</translation>
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
        <translation>
            <numerusform>%1 · %2 Token · %3 · %n 个会话</numerusform>
        </translation>
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
        <translation>Token</translation>
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
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
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
    <name>NotSentModel</name>
    <message>
        <source>Hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Why not sent</source>
        <translation>未发送原因</translation>
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
    <name>OutboxModel</name>
    <message>
        <source>no answer yet</source>
        <translation>尚无响应</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>conflict (resent)</source>
        <translation>冲突（已重发）</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted (not taken)</source>
        <translation>已中断（未被接收）</translation>
    </message>
    <message>
        <source>%1 … %2 (%3)</source>
        <translation>%1 … %2（%3）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Hourly rows</source>
        <translation>小时行数</translation>
    </message>
    <message>
        <source>UTC days</source>
        <translation>UTC 日期</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>Indent</source>
        <translation>缩进</translation>
    </message>
    <message>
        <source>Copy body</source>
        <translation>复制正文</translation>
    </message>
    <message>
        <source>Every body this computer sent to a sync server, byte for byte. Only hourly totals per agent and model leave: no prompts, code, paths, project names or session ids.</source>
        <translation>此计算机发送到同步服务器的每一份正文，逐字节原样显示。只有按代理和模型汇总的每小时数据会离开本机：不含提示词、代码、路径、项目名称或会话 ID。</translation>
    </message>
    <message>
        <source>Nothing has left this computer yet. Bodies appear here as they are sent (Submit now, or Auto-submit once signed in).</source>
        <translation>尚无数据离开这台计算机。正文发送后会显示在这里（立即提交，或登录后自动提交）。</translation>
    </message>
    <message>
        <source>Indent the JSON to read it. Unticked, the text is the exact bytes that were signed and sent.</source>
        <translation>缩进 JSON 以便阅读。不勾选时，文本就是签名并发送的原始字节。</translation>
    </message>
    <message>
        <source>Copies the exact bytes sent</source>
        <translation>复制发送的原始字节</translation>
    </message>
    <message>
        <source>Hourly rows not sent (%1): held back here or refused by the server, and never retried by themselves</source>
        <translation>未发送的小时行（%1）：在本机被保留或被服务器拒绝，不会自动重试</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Select a body to see it.</source>
        <translation>选择一份正文以查看。</translation>
    </message>
    <message>
        <source>Body %1 · %2 bytes · SHA-256 %3 · %4</source>
        <translation>正文 %1 · %2 字节 · SHA-256 %3 · %4</translation>
    </message>
    <message>
        <source>Server&apos;s answer (HTTP %1): %2</source>
        <translation>服务器的响应（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>No answer from the server: %1</source>
        <translation>服务器无响应：%1</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Indent</source>
        <translation>缩进</translation>
    </message>
    <message>
        <source>What stays here, and what sync would send</source>
        <translation>哪些留在本机，同步会发送什么</translation>
    </message>
    <message>
        <source>Sync is off. Nothing leaves this computer until you sign in to a server and submit.</source>
        <translation>同步已关闭。在您登录服务器并提交之前，没有任何数据会离开这台计算机。</translation>
    </message>
    <message>
        <source>Stays on this computer</source>
        <translation>留在此计算机上</translation>
    </message>
    <message>
        <source>Your prompts, the agents&apos; answers, code, file paths, project names and session ids. TokenTally reads only the token counts and keeps hourly totals in a database on this computer.</source>
        <translation>您的提示词、代理的回答、代码、文件路径、项目名称和会话 ID。TokenTally 只读取 Token 数，并把每小时汇总保存在此计算机上的数据库中。</translation>
    </message>
    <message>
        <source>Sent only if you turn sync on</source>
        <translation>仅在您开启同步后发送</translation>
    </message>
    <message>
        <source>Hourly totals per agent and model (token counts, messages, sessions) under a random device id, and nothing else.</source>
        <translation>按代理和模型汇总的每小时数据（Token 数、消息数、会话数），使用随机设备 ID，除此之外什么都不发送。</translation>
    </message>
    <message>
        <source>Its newest hourly row:</source>
        <translation>其中最新的一行每小时数据：</translation>
    </message>
    <message>
        <source>Indent the JSON to read it. Unticked, the text is the exact bytes a submit would sign and send.</source>
        <translation>缩进 JSON 以便阅读。不勾选时，文本就是提交时会签名并发送的原始字节。</translation>
    </message>
    <message>
        <source>The exact text (the device id is made when you sign in):</source>
        <translation>原始文本（设备 ID 会在您登录时生成）：</translation>
    </message>
    <message>
        <source>Building a sample from your usage…</source>
        <translation>正在根据您的用量生成示例…</translation>
    </message>
    <message>
        <source>Could not build a sample: %1</source>
        <translation>无法生成示例：%1</translation>
    </message>
    <message>
        <source>There is no usage to send yet, so there is no sample to show.</source>
        <translation>还没有可发送的用量，因此没有示例可显示。</translation>
    </message>
    <message numerus="yes">
        <source>A first submit would send %n hourly row(s) from %1 to %2 (UTC).</source>
        <translation>
            <numerusform>首次提交会发送 %1 至 %2（UTC）的 %n 行每小时数据。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This is the newest of its %n body(ies), byte for byte:</source>
        <translation>
            <numerusform>这是其中最新的一份正文（共 %n 份），逐字节原样显示：</numerusform>
        </translation>
    </message>
    <message>
        <source>Still reading your usage history (%1%): the sample grows until it is done.</source>
        <translation>仍在读取您的用量历史（%1%）：示例会随之增长，直到读取完成。</translation>
    </message>
    <message>
        <source>Hour (UTC)</source>
        <translation>小时（UTC）</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>缓存写入</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>缓存读取</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
</context>
<context>
    <name>QuotaAlerts</name>
    <message>
        <source>%1: %2 window reset</source>
        <translation>%1：%2 窗口已重置</translation>
    </message>
    <message>
        <source>The %1 window was at %2 before it reset.</source>
        <translation>%1 窗口重置前为 %2。</translation>
    </message>
    <message>
        <source>%1 of the %2 window used.</source>
        <translation>%2 窗口已使用 %1。</translation>
    </message>
    <message>
        <source>It resets at %1.</source>
        <translation>将于 %1 重置。</translation>
    </message>
    <message>
        <source>%1: %2 window at %3</source>
        <translation>%1：%2 窗口已达 %3</translation>
    </message>
</context>
<context>
    <name>QuotaText</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>5 h</source>
        <translation>5 小时</translation>
    </message>
    <message>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>%1 week</source>
        <translation>%1 周</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 reset</source>
        <translation>%1 已重置</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>resets %1</source>
        <translation>%1 重置</translation>
    </message>
    <message>
        <source>cached %1 ago</source>
        <translation>%1 前的缓存</translation>
    </message>
    <message>
        <source>Codex logs</source>
        <translation>Codex 日志</translation>
    </message>
    <message>
        <source>Claude Code statusline</source>
        <translation>Claude Code 状态栏</translation>
    </message>
    <message>
        <source>Claude Code&apos;s cache</source>
        <translation>Claude Code 的缓存</translation>
    </message>
    <message>
        <source>reset (was %1)</source>
        <translation>已重置（此前 %1）</translation>
    </message>
    <message>
        <source>%1, resets %2</source>
        <translation>%1，%2 重置</translation>
    </message>
    <message>
        <source>seen %1 ago in %2</source>
        <translation>%1 前见于%2</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
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
        <translation>Token</translation>
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
        <source>Start TokenTally when I log in</source>
        <translation>登录时启动 TokenTally</translation>
    </message>
    <message>
        <source>TokenTally settings</source>
        <translation>TokenTally 设置</translation>
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
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Notify when a quota window reaches</source>
        <translation>配额窗口达到以下值时通知</translation>
    </message>
    <message>
        <source>Notify when a quota window resets</source>
        <translation>配额窗口重置时通知</translation>
    </message>
    <message>
        <source>and</source>
        <translation>和</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>配额</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Create a new account</source>
        <translation>创建新账户</translation>
    </message>
    <message>
        <source>Use an existing account</source>
        <translation>使用已有账户</translation>
    </message>
    <message>
        <source>Sign in to a TokenTally server</source>
        <translation>登录 TokenTally 服务器</translation>
    </message>
    <message>
        <source>3-32 letters, digits, - or _</source>
        <translation>3–32 个字母、数字、- 或 _</translation>
    </message>
    <message>
        <source>The token shown when the account was created</source>
        <translation>创建账户时显示的令牌</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API 令牌</translation>
    </message>
    <message>
        <source>Only hourly totals per agent and model are sent (tokens, messages, sessions), under a random device id, when you submit or turn on Auto-submit. Never prompts, code, file paths, project names or session ids. The token and the device key stay in the system keyring.</source>
        <translation>只有在您提交或开启自动提交时，才会以随机设备 ID 发送按代理和模型汇总的每小时数据（Token 数、消息数、会话数）。绝不发送提示词、代码、文件路径、项目名称或会话 ID。API 令牌和设备密钥保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>复制令牌</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>The server must be an address starting with https:// or http://.</source>
        <translation>服务器地址必须以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <source>Choose a user name for the new account.</source>
        <translation>请为新账户选择一个用户名。</translation>
    </message>
    <message>
        <source>Paste the API token of your account.</source>
        <translation>请粘贴您账户的 API 令牌。</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Signed in as %1. This is your account&apos;s API token, shown only this once. Keep it somewhere safe: you need it to sign in on another computer.</source>
        <translation>已登录为 %1。这是您账户的 API 令牌，只显示这一次。请妥善保存：在其他计算机上登录时需要它。</translation>
    </message>
</context>
<context>
    <name>SourcesView</name>
    <message>
        <source>No usage files found</source>
        <translation>未找到用量文件</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) · %1</source>
        <translation>
            <numerusform>%n 个文件 · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>To read other folders, add them under Settings → %1 (one AGENT=PATH a line), or start TokenTally with --data-dir AGENT=PATH. The agents&apos; own variables move their folders too: %2.</source>
        <translation>要读取其他文件夹，请在“设置 → %1”中添加（每行一个 AGENT=PATH），或使用 --data-dir AGENT=PATH 启动 TokenTally。代理自己的环境变量也能改变其文件夹：%2。</translation>
    </message>
    <message>
        <source>%1 (not there)</source>
        <translation>%1（不存在）</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Start TokenTally when I log in</source>
        <translation>登录时启动 TokenTally</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Start and sync</source>
        <translation>启动与同步</translation>
    </message>
    <message>
        <source>You can change both later in Settings.</source>
        <translation>以后可以在设置中更改这两项。</translation>
    </message>
    <message>
        <source>TokenTally then sits in the tray and counts new usage as it happens. Without it, usage is still counted the next time you open TokenTally.</source>
        <translation>TokenTally 会驻留在系统托盘中，实时统计新用量。不开启时，下次打开 TokenTally 时仍会补上统计。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Sign in to a TokenTally server to share your totals on its leaderboard. Signing in sends nothing by itself.</source>
        <translation>登录 TokenTally 服务器，即可在其排行榜上分享您的汇总。登录本身不会发送任何数据。</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Sync is off. To share your totals on a leaderboard, sign in to a TokenTally server; then submit from the tray menu, by hand with Submit now or by itself with Auto-submit.</source>
        <translation>同步已关闭。要在排行榜上分享您的汇总，请登录 TokenTally 服务器，然后在托盘菜单中提交：用“立即提交”手动提交，或用“自动提交”自动提交。</translation>
    </message>
    <message>
        <source>Signed in as %1 at %2. Auto-submit is on: hourly totals are sent when new usage has settled.</source>
        <translation>已在 %2 登录为 %1。自动提交已开启：新用量稳定后会发送每小时汇总。</translation>
    </message>
    <message>
        <source>Signed in as %1 at %2. Auto-submit is off: nothing is sent until you choose Submit now or turn on Auto-submit in the tray menu.</source>
        <translation>已在 %2 登录为 %1。自动提交已关闭：在您于托盘菜单中选择“立即提交”或开启“自动提交”之前，不会发送任何数据。</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Signed in as %1.</source>
        <translation>已登录为 %1。</translation>
    </message>
    <message>
        <source>Signed out. Nothing is sent until you sign in again.</source>
        <translation>已退出登录。在您重新登录之前不会发送任何数据。</translation>
    </message>
    <message>
        <source>Your profile is public: it is on the leaderboard.</source>
        <translation>您的个人资料已公开：会出现在排行榜上。</translation>
    </message>
    <message>
        <source>Your profile is unlisted: only people with the link see it.</source>
        <translation>您的个人资料为不公开列出：只有拥有链接的人才能看到。</translation>
    </message>
    <message>
        <source>Your profile is private: only you see it.</source>
        <translation>您的个人资料为私密：只有您能看到。</translation>
    </message>
    <message>
        <source>Your data was deleted from the server, and this computer signed out.</source>
        <translation>您的数据已从服务器删除，此计算机已退出登录。</translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <source>Cannot open the usage store %1: %2</source>
        <translation>无法打开用量存储 %1：%2</translation>
    </message>
    <message>
        <source>Sync has not started.</source>
        <translation>同步尚未启动。</translation>
    </message>
</context>
<context>
    <name>SyncStatusFormat</name>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation>
            <numerusform>%n 秒后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>%n 分钟后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n h</source>
        <translation>
            <numerusform>%n 小时后</numerusform>
        </translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>请求过多</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>服务器错误</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>local store error</source>
        <translation>本地存储错误</translation>
    </message>
    <message>
        <source>Sync unavailable: the local store cannot be opened</source>
        <translation>同步不可用：无法打开本地存储</translation>
    </message>
    <message>
        <source>Sync: not signed in</source>
        <translation>同步：未登录</translation>
    </message>
    <message>
        <source>Sync: signed out by the server</source>
        <translation>同步：已被服务器退出登录</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>上次同步：从未</translation>
    </message>
    <message>
        <source>Last sync: %1 · %2</source>
        <translation>上次同步：%1 · %2</translation>
    </message>
    <message>
        <source>The server no longer accepts this sign-in: sign in again.</source>
        <translation>服务器不再接受此登录：请重新登录。</translation>
    </message>
    <message>
        <source>Auto-submit is paused until you submit by hand or sign in again.</source>
        <translation>自动提交已暂停，直到您手动提交或重新登录。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 天待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hourly row(s) not sent (see What left this machine)</source>
        <translation>
            <numerusform>%n 个小时行未发送（见“离开本机的数据”）</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: %1 · %2 · retry %3</source>
        <translation>上次同步：%1 · %2 · %3重试</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Open dashboard</source>
        <translation>打开仪表板</translation>
    </message>
    <message>
        <source>Submit now</source>
        <translation>立即提交</translation>
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
        <source>Indexing history: %1%</source>
        <translation>正在索引历史：%1%</translation>
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
        <source>TokenTally
Reading usage files…</source>
        <translation>TokenTally
正在读取用量文件…</translation>
    </message>
    <message numerus="yes">
        <source>Submit when new usage has settled, and every %n minute(s)</source>
        <translation>
            <numerusform>新用量稳定后提交，并且每 %n 分钟提交一次</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in again to keep submitting.</source>
        <translation>请重新登录以继续提交。</translation>
    </message>
    <message>
        <source>Sync: starting…</source>
        <translation>同步：正在启动…</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>重新登录…</translation>
    </message>
    <message>
        <source>Sign in to submit…</source>
        <translation>登录以提交…</translation>
    </message>
    <message>
        <source>Sign in to a server first</source>
        <translation>请先登录服务器</translation>
    </message>
    <message>
        <source>Today: %1 tokens · %2</source>
        <translation>今天：%1 Token · %2</translation>
    </message>
    <message>
        <source>This week: %1 tokens · %2</source>
        <translation>本周：%1 Token · %2</translation>
    </message>
    <message>
        <source>This month: %1 tokens · %2</source>
        <translation>本月：%1 Token · %2</translation>
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
