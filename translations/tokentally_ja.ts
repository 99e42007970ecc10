<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AccountingModel</name>
    <message>
        <source>Duplicates dropped: Claude repeated message</source>
        <translation>除外した重複：Claude の繰り返しメッセージ</translation>
    </message>
    <message>
        <source>Duplicates dropped: Claude sub-agent replay</source>
        <translation>除外した重複：Claude サブエージェントの再送</translation>
    </message>
    <message>
        <source>Duplicates dropped: Claude progress mirror</source>
        <translation>除外した重複：Claude の進捗ミラー</translation>
    </message>
    <message>
        <source>Duplicates dropped: Codex re-emitted total</source>
        <translation>除外した重複：Codex の再送された合計</translation>
    </message>
    <message>
        <source>Duplicates dropped: Codex stale total</source>
        <translation>除外した重複：Codex の古い合計</translation>
    </message>
    <message>
        <source>Duplicates dropped: Codex copied event</source>
        <translation>除外した重複：Codex のコピーされたイベント</translation>
    </message>
    <message>
        <source>Duplicates dropped: Codex sub-agent replay</source>
        <translation>除外した重複：Codex サブエージェントの再送</translation>
    </message>
    <message>
        <source>Duplicates dropped: OpenCode copy</source>
        <translation>除外した重複：OpenCode のコピー</translation>
    </message>
    <message>
        <source>Not counted: zero-token calls</source>
        <translation>集計対象外：トークン 0 の呼び出し</translation>
    </message>
    <message>
        <source>Files tracked</source>
        <translation>追跡中のファイル</translation>
    </message>
    <message>
        <source>Files deleted by the agents (history kept)</source>
        <translation>エージェントが削除したファイル（履歴は保持）</translation>
    </message>
    <message>
        <source>Bytes read</source>
        <translation>読み込んだバイト数</translation>
    </message>
    <message>
        <source>Lines read</source>
        <translation>読み込んだ行数</translation>
    </message>
    <message>
        <source>Usage events seen</source>
        <translation>検出した使用イベント</translation>
    </message>
    <message>
        <source>Events counted</source>
        <translation>集計したイベント</translation>
    </message>
    <message>
        <source>Malformed lines</source>
        <translation>不正な行</translation>
    </message>
    <message>
        <source>Bytes waiting for a complete line</source>
        <translation>行の完成を待っているバイト数</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Unpriced models</source>
        <translation>価格不明のモデル</translation>
    </message>
    <message>
        <source>Price table</source>
        <translation>価格表</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>none (bundled prices)</source>
        <translation>なし（同梱の価格）</translation>
    </message>
    <message>
        <source>Price file</source>
        <translation>価格ファイル</translation>
    </message>
    <message>
        <source>Price file error (bundled prices used)</source>
        <translation>価格ファイルのエラー（同梱の価格を使用）</translation>
    </message>
</context>
<context>
    <name>AgentBreakdownModel</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>コスト</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Cache efficiency</source>
        <translation>キャッシュ効率</translation>
    </message>
</context>
<context>
    <name>CostChart</name>
    <message>
        <source>Cost over time</source>
        <translation>コストの推移</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 日</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 日</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 日</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
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
        <translation>更新</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV をエクスポート…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON をエクスポート…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Indexing usage history… %p%</source>
        <translation>使用履歴をインデックス中… %p%</translation>
    </message>
    <message>
        <source>Show the whole year</source>
        <translation>1 年分を表示</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>コスト</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Active days</source>
        <translation>アクティブ日数</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>連続日数</translation>
    </message>
    <message>
        <source>Cache efficiency</source>
        <translation>キャッシュ効率</translation>
    </message>
    <message>
        <source>Activity over the last year</source>
        <translation>過去 1 年間のアクティビティ</translation>
    </message>
    <message>
        <source>Filter by session or model</source>
        <translation>セッションまたはモデルで絞り込み</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>すべてのエージェント</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Accounting</source>
        <translation>集計の内訳</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>%1 を表示中</translation>
    </message>
    <message>
        <source>Showing the last 12 months</source>
        <translation>過去 12 か月を表示中</translation>
    </message>
    <message>
        <source>%1 output</source>
        <translation>出力 %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message numerus="yes">
        <source>%n unpriced message(s)</source>
        <translation><numerusform>価格不明のメッセージ %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n 日</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>longest %n</source>
        <translation><numerusform>最長 %n</numerusform></translation>
    </message>
    <message>
        <source>of prompt tokens from cache</source>
        <translation>のプロンプトトークンがキャッシュから</translation>
    </message>
    <message>
        <source>Today: %1 tokens · %2</source>
        <translation>今日: %1 トークン · %2</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON ファイル (*.json)</translation>
    </message>
    <message>
        <source>Export usage</source>
        <translation>使用量をエクスポート</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1 にエクスポートしました</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <source>TokenTally runs as a window because it was started with --windowed.</source>
        <translation>--windowed で起動されたため、TokenTally はウィンドウとして動作しています。</translation>
    </message>
    <message>
        <source>No system tray was found (the desktop has no tray host or status notifier area), so TokenTally runs as this window. Closing it quits TokenTally.</source>
        <translation>システムトレイが見つかりません（デスクトップにトレイホストまたはステータス通知領域がありません）。そのため TokenTally はこのウィンドウとして動作します。閉じると TokenTally は終了します。</translation>
    </message>
</context>
<context>
    <name>HeatmapWidget</name>
    <message>
        <source>Usage calendar</source>
        <translation>使用量カレンダー</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 tokens · %3 · %n session(s)</source>
        <translation><numerusform>%1 · %2 トークン · %3 · %n セッション</numerusform></translation>
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
        <translation>モデル構成</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>コスト</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>No usage in view</source>
        <translation>この期間の使用量はありません</translation>
    </message>
</context>
<context>
    <name>ModelMixModel</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>コスト</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>割合</translation>
    </message>
</context>
<context>
    <name>NumberFormat</name>
    <message>
        <source>unpriced</source>
        <translation>価格不明</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>最終アクティブ</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>コスト</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Cannot write the settings file %1</source>
        <translation>設定ファイル %1 に書き込めません</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Submit hourly totals automatically</source>
        <translation>1 時間ごとの合計を自動送信する</translation>
    </message>
    <message>
        <source>Start TokenTally when I log in</source>
        <translation>ログイン時に TokenTally を起動する</translation>
    </message>
    <message>
        <source>TokenTally settings</source>
        <translation>TokenTally の設定</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Private (only you)</source>
        <translation>非公開（自分のみ）</translation>
    </message>
    <message>
        <source>Unlisted (anyone with the link)</source>
        <translation>限定公開（リンクを知っている人）</translation>
    </message>
    <message>
        <source>Public (on the leaderboard)</source>
        <translation>公開（ランキングに表示）</translation>
    </message>
    <message>
        <source>One per line: claude-code=/path, codex=/path, opencode=/path</source>
        <translation>1 行に 1 つ: claude-code=/パス、codex=/パス、opencode=/パス</translation>
    </message>
    <message>
        <source>System time zone</source>
        <translation>システムのタイムゾーン</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>サーバー URL</translation>
    </message>
    <message>
        <source>Submit every</source>
        <translation>送信間隔</translation>
    </message>
    <message>
        <source>Profile visibility</source>
        <translation>プロフィールの公開範囲</translation>
    </message>
    <message>
        <source>Extra data folders</source>
        <translation>追加のデータフォルダー</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The server URL must start with https:// or http://.</source>
        <translation>サーバー URL は https:// または http:// で始まる必要があります。</translation>
    </message>
    <message>
        <source>These data folder lines are not AGENT=PATH:
%1</source>
        <translation>次のデータフォルダーの行は AGENT=PATH の形式ではありません:
%1</translation>
    </message>
    <message>
        <source>Unknown time zone: %1</source>
        <translation>不明なタイムゾーン: %1</translation>
    </message>
    <message>
        <source>Could not change start at login: %1</source>
        <translation>ログイン時の起動を変更できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>%1: %2 tokens · %3</source>
        <translation>%1: %2 トークン · %3</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>最終同期: なし</translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation>ダッシュボードを開く</translation>
    </message>
    <message>
        <source>Submit now</source>
        <translation>今すぐ送信</translation>
    </message>
    <message>
        <source>sync not available yet</source>
        <translation>同期はまだ利用できません</translation>
    </message>
    <message>
        <source>Auto-submit</source>
        <translation>自動送信</translation>
    </message>
    <message>
        <source>View leaderboard</source>
        <translation>ランキングを見る</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Indexing history: %1%</source>
        <translation>履歴をインデックス中: %1%</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>今週</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <source>Top model: %1</source>
        <translation>最多モデル: %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <source>Last sync: never (sync not available yet)</source>
        <translation>最終同期: なし（同期はまだ利用できません）</translation>
    </message>
    <message>
        <source>TokenTally
Reading usage files…</source>
        <translation>TokenTally
使用量ファイルを読み込み中…</translation>
    </message>
</context>
<context>
    <name>UsageService</name>
    <message>
        <source>Cannot open the usage store %1: %2</source>
        <translation>使用量ストア %1 を開けません: %2</translation>
    </message>
    <message>
        <source>Scan failed: %1</source>
        <translation>スキャンに失敗しました: %1</translation>
    </message>
    <message>
        <source>The usage store is not open.</source>
        <translation>使用量ストアが開かれていません。</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>読み取れません</translation>
    </message>
    <message>
        <source>Price file %1: %2</source>
        <translation>価格ファイル %1: %2</translation>
    </message>
</context>
</TS>