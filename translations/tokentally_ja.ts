<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AccountPage</name>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロフィール</translation>
    </message>
    <message>
        <source>Delete my data on the server…</source>
        <translation>サーバー上の自分のデータを削除…</translation>
    </message>
    <message>
        <source>Submit automatically when new usage has settled</source>
        <translation>新しい使用量が落ち着いたら自動で送信</translation>
    </message>
    <message>
        <source>Forget the account on this computer and remove its token and device key from the keyring. The server keeps your data.</source>
        <translation>このコンピューターでアカウントを忘れ、そのトークンとデバイスキーをキーリングから削除します。サーバー上のデータは残ります。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
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
        <source>Changed on the server at once.</source>
        <translation>サーバー上ですぐに変更されます。</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>公開範囲</translation>
    </message>
    <message>
        <source>Submitting</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Reading the sync state…</source>
        <translation>同期の状態を読み込み中…</translation>
    </message>
    <message>
        <source>Not signed in. Nothing leaves this computer until you sign in to a server and submit.</source>
        <translation>サインインしていません。サーバーにサインインして送信するまで、このコンピューターから何も送られません。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt; の &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The server no longer accepts the sign-in of %1. Sign in again to keep submitting.</source>
        <translation>サーバーは %1 のサインインを受け付けなくなりました。送信を続けるには再度サインインしてください。</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>%1 としてサインインしています。</translation>
    </message>
    <message>
        <source>This computer&apos;s device id: %1</source>
        <translation>このコンピューターのデバイス ID: %1</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>再度サインイン…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>サインイン…</translation>
    </message>
    <message>
        <source>Sign in to submit first.</source>
        <translation>送信するには先にサインインしてください。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>サインイン中…</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>サインアウト中…</translation>
    </message>
    <message>
        <source>Changing the visibility on the server…</source>
        <translation>サーバー上の公開範囲を変更中…</translation>
    </message>
    <message>
        <source>Deleting your data on the server…</source>
        <translation>サーバー上のデータを削除中…</translation>
    </message>
    <message>
        <source>Delete my data on the server</source>
        <translation>サーバー上の自分のデータを削除</translation>
    </message>
    <message>
        <source>Delete the account %1 and everything it submitted from %2?</source>
        <translation>アカウント %1 とその送信内容をすべて %2 から削除しますか？</translation>
    </message>
    <message>
        <source>Your profile, devices and hourly totals are removed from the server for good, and this computer signs out. Your usage on this computer stays, and so does the list of what was sent.</source>
        <translation>プロフィール、デバイス、1 時間ごとの合計がサーバーから完全に削除され、このコンピューターはサインアウトします。このコンピューター上の使用量と送信済みの一覧は残ります。</translation>
    </message>
    <message>
        <source>Delete on the server</source>
        <translation>サーバー上で削除</translation>
    </message>
    <message>
        <source> min</source>
        <comment>unit after a number of minutes</comment>
        <translation> 分</translation>
    </message>
    <message>
        <source>Besides after new usage, auto-submit also runs at this interval.</source>
        <translation>自動送信は、新しい使用量のあとに加えて、この間隔でも実行されます。</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>間隔</translation>
    </message>
</context>
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
    <message>
        <source>Not counted: dated more than a day ahead</source>
        <translation>未集計: 1 日以上先の日付</translation>
    </message>
    <message>
        <source>Malformed: not JSON</source>
        <translation>不正: JSON ではありません</translation>
    </message>
    <message>
        <source>Malformed: unreadable timestamp</source>
        <translation>不正: 読み取れないタイムスタンプ</translation>
    </message>
    <message>
        <source>Malformed: negative token count</source>
        <translation>不正: 負のトークン数</translation>
    </message>
    <message>
        <source>Malformed: fractional token count</source>
        <translation>不正: 小数のトークン数</translation>
    </message>
    <message>
        <source>Malformed: token count above 2^53</source>
        <translation>不正: 2^53 を超えるトークン数</translation>
    </message>
    <message>
        <source>Malformed: token count not a number</source>
        <translation>不正: トークン数が数値ではありません</translation>
    </message>
    <message>
        <source>Malformed: token count null</source>
        <translation>不正: トークン数が null</translation>
    </message>
    <message>
        <source>Duplicates dropped: Gemini CLI repeated or resumed message</source>
        <translation>重複を除外: Gemini CLI の繰り返しまたは再開されたメッセージ</translation>
    </message>
    <message>
        <source>Duplicates dropped: Qwen Code /branch copy</source>
        <translation>重複を除外: Qwen Code の /branch コピー</translation>
    </message>
    <message>
        <source>Duplicates dropped: Qwen Code repeated record</source>
        <translation>重複を除外: Qwen Code の繰り返しレコード</translation>
    </message>
    <message>
        <source>Duplicates dropped: Amp ledger event of a counted message</source>
        <translation>重複を除外: 集計済みメッセージの Amp レジャーイベント</translation>
    </message>
    <message>
        <source>Duplicates dropped: Amp thread copy</source>
        <translation>重複を除外: Amp スレッドのコピー</translation>
    </message>
    <message>
        <source>Duplicates dropped: Droid stale session copy</source>
        <translation>重複を除外: Droid の古いセッションコピー</translation>
    </message>
    <message>
        <source>Not counted: Droid counters below what was counted</source>
        <translation>未集計: 集計済みより小さい Droid カウンター</translation>
    </message>
    <message>
        <source>Duplicates dropped: Kimi CLI sub-agent mirror</source>
        <translation>重複を除外: Kimi CLI サブエージェントのミラー</translation>
    </message>
    <message>
        <source>Duplicates dropped: Kimi CLI fork copy</source>
        <translation>重複を除外: Kimi CLI フォークのコピー</translation>
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
    <name>AgentsPage</name>
    <message>
        <source>Looking for the agents&apos; files…</source>
        <translation>エージェントのファイルを探しています…</translation>
    </message>
    <message>
        <source>Coding agents on this computer</source>
        <translation>このコンピューターのコーディングエージェント</translation>
    </message>
    <message>
        <source>TokenTally counts the tokens your coding agents use, from the files they already write on this computer.</source>
        <translation>TokenTally は、コーディングエージェントがこのコンピューターにすでに書き出しているファイルから、使用したトークンを数えます。</translation>
    </message>
    <message numerus="yes">
        <source>Found the usage history of %n agent(s):</source>
        <translation>
            <numerusform>%n 個のエージェントの使用履歴が見つかりました:</numerusform>
        </translation>
    </message>
    <message>
        <source>No usage history found yet. TokenTally looked here, and will count new usage as soon as an agent writes some:</source>
        <translation>使用履歴はまだ見つかりません。TokenTally は次の場所を探しました。エージェントが使用量を書き出せば、すぐに数え始めます:</translation>
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
        <translation>
            <numerusform>価格不明のメッセージ %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
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
    <message>
        <source>What left this machine</source>
        <translation>このコンピューターから送られたもの</translation>
    </message>
    <message numerus="yes">
        <source>Longest: %n day(s)</source>
        <translation>
            <numerusform>最長: %n 日</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 prompt tokens</source>
        <translation>プロンプト %2 トークン中 %1</translation>
    </message>
    <message>
        <source>%1 of %2 prompt tokens were read from the cache rather than sent again.</source>
        <translation>プロンプト %2 トークンのうち %1 トークンは、再送されずにキャッシュから読み込まれました。</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>クォータ</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Open settings…</source>
        <translation>設定を開く…</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>もう一度探す</translation>
    </message>
    <message>
        <source>No usage in the agents&apos; files yet</source>
        <translation>エージェントのファイルにはまだ使用量がありません</translation>
    </message>
    <message>
        <source>TokenTally found usage files but no counted model calls in them. It reads new usage as soon as the agents write it. It looked in these folders:</source>
        <translation>TokenTally は使用量ファイルを見つけましたが、数えられるモデル呼び出しはありませんでした。エージェントが新しい使用量を書き出すとすぐに読み込みます。探したフォルダー:</translation>
    </message>
    <message>
        <source>No coding agent usage found</source>
        <translation>コーディングエージェントの使用量が見つかりません</translation>
    </message>
    <message>
        <source>TokenTally reads the usage that coding agents record in their own files on this computer. It looked in these folders and found none:</source>
        <translation>TokenTally は、コーディングエージェントがこのコンピューター上の自身のファイルに記録する使用量を読み込みます。次のフォルダーを探しましたが、見つかりませんでした:</translation>
    </message>
</context>
<context>
    <name>FirstRunController</name>
    <message>
        <source>Could not change start at login: %1</source>
        <translation>ログイン時の起動を変更できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to TokenTally</source>
        <translation>TokenTally へようこそ</translation>
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
        <translation>
            <numerusform>%1 · %2 トークン · %3 · %n セッション</numerusform>
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
    <name>NotSentModel</name>
    <message>
        <source>Hour</source>
        <translation>時間帯</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Why not sent</source>
        <translation>送信されなかった理由</translation>
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
    <name>OutboxModel</name>
    <message>
        <source>no answer yet</source>
        <translation>まだ応答なし</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>受理済み</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>conflict (resent)</source>
        <translation>競合（再送済み）</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>interrupted (not taken)</source>
        <translation>中断（未受理）</translation>
    </message>
    <message>
        <source>%1 … %2 (%3)</source>
        <translation>%1 … %2（%3）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信日時</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>連番</translation>
    </message>
    <message>
        <source>Hourly rows</source>
        <translation>時間行数</translation>
    </message>
    <message>
        <source>UTC days</source>
        <translation>UTC 日付</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>Indent</source>
        <translation>インデント</translation>
    </message>
    <message>
        <source>Copy body</source>
        <translation>本文をコピー</translation>
    </message>
    <message>
        <source>Every body this computer sent to a sync server, byte for byte. Only hourly totals per agent and model leave: no prompts, code, paths, project names or session ids.</source>
        <translation>このコンピューターが同期サーバーに送ったすべての本文を、バイト単位でそのまま表示します。送られるのはエージェントとモデルごとの 1 時間ごとの合計だけです。プロンプト、コード、パス、プロジェクト名、セッション ID は含まれません。</translation>
    </message>
    <message>
        <source>Nothing has left this computer yet. Bodies appear here as they are sent (Submit now, or Auto-submit once signed in).</source>
        <translation>このコンピューターからはまだ何も送られていません。送信されると本文がここに表示されます（今すぐ送信、またはサインイン後の自動送信）。</translation>
    </message>
    <message>
        <source>Indent the JSON to read it. Unticked, the text is the exact bytes that were signed and sent.</source>
        <translation>読みやすいように JSON をインデントします。オフのときは、署名して送信したバイトそのままです。</translation>
    </message>
    <message>
        <source>Copies the exact bytes sent</source>
        <translation>送信したバイトをそのままコピーします</translation>
    </message>
    <message>
        <source>Hourly rows not sent (%1): held back here or refused by the server, and never retried by themselves</source>
        <translation>送信されなかった時間行（%1）: ここで保留されたか、サーバーに拒否されたもので、自動で再送されることはありません</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Select a body to see it.</source>
        <translation>表示する本文を選択してください。</translation>
    </message>
    <message>
        <source>Body %1 · %2 bytes · SHA-256 %3 · %4</source>
        <translation>本文 %1 · %2 バイト · SHA-256 %3 · %4</translation>
    </message>
    <message>
        <source>Server&apos;s answer (HTTP %1): %2</source>
        <translation>サーバーの応答（HTTP %1）: %2</translation>
    </message>
    <message>
        <source>No answer from the server: %1</source>
        <translation>サーバーから応答がありません: %1</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>記録なし</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Indent</source>
        <translation>インデント</translation>
    </message>
    <message>
        <source>What stays here, and what sync would send</source>
        <translation>ここに残るもの、同期で送られるもの</translation>
    </message>
    <message>
        <source>Sync is off. Nothing leaves this computer until you sign in to a server and submit.</source>
        <translation>同期はオフです。サーバーにサインインして送信するまで、このコンピューターからは何も送られません。</translation>
    </message>
    <message>
        <source>Stays on this computer</source>
        <translation>このコンピューターに残るもの</translation>
    </message>
    <message>
        <source>Your prompts, the agents&apos; answers, code, file paths, project names and session ids. TokenTally reads only the token counts and keeps hourly totals in a database on this computer.</source>
        <translation>プロンプト、エージェントの回答、コード、ファイルパス、プロジェクト名、セッション ID。TokenTally が読むのはトークン数だけで、1 時間ごとの合計をこのコンピューター上のデータベースに保存します。</translation>
    </message>
    <message>
        <source>Sent only if you turn sync on</source>
        <translation>同期をオンにした場合にだけ送られるもの</translation>
    </message>
    <message>
        <source>Hourly totals per agent and model (token counts, messages, sessions) under a random device id, and nothing else.</source>
        <translation>エージェントとモデルごとの 1 時間ごとの合計（トークン数、メッセージ数、セッション数）を、ランダムなデバイス ID で送ります。それ以外は何も送りません。</translation>
    </message>
    <message>
        <source>Its newest hourly row:</source>
        <translation>その中で最新の 1 時間分の行:</translation>
    </message>
    <message>
        <source>Indent the JSON to read it. Unticked, the text is the exact bytes a submit would sign and send.</source>
        <translation>読みやすいように JSON をインデントします。オフのときは、送信時に署名して送るバイトそのままです。</translation>
    </message>
    <message>
        <source>The exact text (the device id is made when you sign in):</source>
        <translation>正確なテキスト（デバイス ID はサインイン時に作られます）:</translation>
    </message>
    <message>
        <source>Building a sample from your usage…</source>
        <translation>あなたの使用量から例を作成しています…</translation>
    </message>
    <message>
        <source>Could not build a sample: %1</source>
        <translation>例を作成できませんでした: %1</translation>
    </message>
    <message>
        <source>There is no usage to send yet, so there is no sample to show.</source>
        <translation>送信する使用量がまだないため、表示する例はありません。</translation>
    </message>
    <message numerus="yes">
        <source>A first submit would send %n hourly row(s) from %1 to %2 (UTC).</source>
        <translation>
            <numerusform>最初の送信では、%1 から %2（UTC）までの 1 時間ごとの行 %n 件が送られます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This is the newest of its %n body(ies), byte for byte:</source>
        <translation>
            <numerusform>これは %n 件の本文のうち最新のもので、バイト単位でそのまま表示しています:</numerusform>
        </translation>
    </message>
    <message>
        <source>Still reading your usage history (%1%): the sample grows until it is done.</source>
        <translation>使用履歴をまだ読み込んでいます（%1%）。完了するまで例は増えていきます。</translation>
    </message>
    <message>
        <source>Hour (UTC)</source>
        <translation>時間帯（UTC）</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>キャッシュ書き込み</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>キャッシュ読み込み</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推論</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>セッション</translation>
    </message>
</context>
<context>
    <name>QuotaAlerts</name>
    <message>
        <source>%1: %2 window reset</source>
        <translation>%1: %2 の枠がリセットされました</translation>
    </message>
    <message>
        <source>The %1 window was at %2 before it reset.</source>
        <translation>リセット前、%1 の枠は %2 でした。</translation>
    </message>
    <message>
        <source>%1 of the %2 window used.</source>
        <translation>%2 の枠を %1 使用しました。</translation>
    </message>
    <message>
        <source>It resets at %1.</source>
        <translation>%1 にリセットされます。</translation>
    </message>
    <message>
        <source>%1: %2 window at %3</source>
        <translation>%1: %2 の枠が %3</translation>
    </message>
</context>
<context>
    <name>QuotaText</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 時間</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message>
        <source>5 h</source>
        <translation>5 時間</translation>
    </message>
    <message>
        <source>week</source>
        <translation>週</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>%1 week</source>
        <translation>%1 週</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 reset</source>
        <translation>%1 リセット済み</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>resets %1</source>
        <translation>%1 にリセット</translation>
    </message>
    <message>
        <source>cached %1 ago</source>
        <translation>%1 前のキャッシュ</translation>
    </message>
    <message>
        <source>Codex logs</source>
        <translation>Codex のログ</translation>
    </message>
    <message>
        <source>Claude Code statusline</source>
        <translation>Claude Code のステータスライン</translation>
    </message>
    <message>
        <source>Claude Code&apos;s cache</source>
        <translation>Claude Code のキャッシュ</translation>
    </message>
    <message>
        <source>reset (was %1)</source>
        <translation>リセット済み (前回 %1)</translation>
    </message>
    <message>
        <source>%1, resets %2</source>
        <translation>%1、%2 にリセット</translation>
    </message>
    <message>
        <source>seen %1 ago in %2</source>
        <translation>%1 前に %2 で確認</translation>
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
        <source>Start TokenTally when I log in</source>
        <translation>ログイン時に TokenTally を起動する</translation>
    </message>
    <message>
        <source>TokenTally settings</source>
        <translation>TokenTally の設定</translation>
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
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Notify when a quota window reaches</source>
        <translation>クォータ枠が次に達したら通知:</translation>
    </message>
    <message>
        <source>Notify when a quota window resets</source>
        <translation>クォータ枠のリセット時に通知</translation>
    </message>
    <message>
        <source>and</source>
        <translation>と</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>クォータ</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Create a new account</source>
        <translation>新しいアカウントを作成</translation>
    </message>
    <message>
        <source>Use an existing account</source>
        <translation>既存のアカウントを使用</translation>
    </message>
    <message>
        <source>Sign in to a TokenTally server</source>
        <translation>TokenTally サーバーにサインイン</translation>
    </message>
    <message>
        <source>3-32 letters, digits, - or _</source>
        <translation>3〜32 文字の英字、数字、- または _</translation>
    </message>
    <message>
        <source>The token shown when the account was created</source>
        <translation>アカウント作成時に表示されたトークン</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API トークン</translation>
    </message>
    <message>
        <source>Only hourly totals per agent and model are sent (tokens, messages, sessions), under a random device id, when you submit or turn on Auto-submit. Never prompts, code, file paths, project names or session ids. The token and the device key stay in the system keyring.</source>
        <translation>送信されるのは、送信したとき、または自動送信をオンにしたときに、ランダムなデバイス ID で、エージェントとモデルごとの 1 時間ごとの合計（トークン、メッセージ、セッション）だけです。プロンプト、コード、ファイルパス、プロジェクト名、セッション ID は決して送られません。トークンとデバイスキーはシステムのキーリングに保存されます。</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>トークンをコピー</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>The server must be an address starting with https:// or http://.</source>
        <translation>サーバーは https:// または http:// で始まるアドレスにしてください。</translation>
    </message>
    <message>
        <source>Choose a user name for the new account.</source>
        <translation>新しいアカウントのユーザー名を入力してください。</translation>
    </message>
    <message>
        <source>Paste the API token of your account.</source>
        <translation>アカウントの API トークンを貼り付けてください。</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>アカウントを作成</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>サインイン中…</translation>
    </message>
    <message>
        <source>Signed in as %1. This is your account&apos;s API token, shown only this once. Keep it somewhere safe: you need it to sign in on another computer.</source>
        <translation>%1 としてサインインしました。これはアカウントの API トークンで、表示されるのはこの一度だけです。安全な場所に保管してください。別のコンピューターでサインインするときに必要です。</translation>
    </message>
</context>
<context>
    <name>SourcesView</name>
    <message>
        <source>No usage files found</source>
        <translation>使用量ファイルはありません</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) · %1</source>
        <translation>
            <numerusform>%n 個のファイル · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>To read other folders, add them under Settings → %1 (one AGENT=PATH a line), or start TokenTally with --data-dir AGENT=PATH. The agents&apos; own variables move their folders too: %2.</source>
        <translation>別のフォルダーを読み込むには、設定 → %1 に追加する（1 行に AGENT=PATH を 1 つ）か、--data-dir AGENT=PATH を付けて TokenTally を起動します。エージェント自身の環境変数でもフォルダーを変えられます: %2。</translation>
    </message>
    <message>
        <source>%1 (not there)</source>
        <translation>%1（ありません）</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Start TokenTally when I log in</source>
        <translation>ログイン時に TokenTally を起動する</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>サインイン…</translation>
    </message>
    <message>
        <source>Start and sync</source>
        <translation>起動と同期</translation>
    </message>
    <message>
        <source>You can change both later in Settings.</source>
        <translation>どちらも後から設定で変更できます。</translation>
    </message>
    <message>
        <source>TokenTally then sits in the tray and counts new usage as it happens. Without it, usage is still counted the next time you open TokenTally.</source>
        <translation>TokenTally はトレイに常駐し、新しい使用量をその場で数えます。オフでも、次に TokenTally を開いたときに数えられます。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起動</translation>
    </message>
    <message>
        <source>Sign in to a TokenTally server to share your totals on its leaderboard. Signing in sends nothing by itself.</source>
        <translation>TokenTally サーバーにサインインすると、合計をそのランキングで共有できます。サインインしただけでは何も送られません。</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同期</translation>
    </message>
    <message>
        <source>Sync is off. To share your totals on a leaderboard, sign in to a TokenTally server; then submit from the tray menu, by hand with Submit now or by itself with Auto-submit.</source>
        <translation>同期はオフです。ランキングで合計を共有するには、TokenTally サーバーにサインインし、トレイメニューから送信します。手動なら「今すぐ送信」、自動なら「自動送信」です。</translation>
    </message>
    <message>
        <source>Signed in as %1 at %2. Auto-submit is on: hourly totals are sent when new usage has settled.</source>
        <translation>%2 に %1 としてサインインしています。自動送信はオンです。新しい使用量が落ち着くと 1 時間ごとの合計が送られます。</translation>
    </message>
    <message>
        <source>Signed in as %1 at %2. Auto-submit is off: nothing is sent until you choose Submit now or turn on Auto-submit in the tray menu.</source>
        <translation>%2 に %1 としてサインインしています。自動送信はオフです。トレイメニューで「今すぐ送信」を選ぶか「自動送信」をオンにするまで、何も送られません。</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Signed in as %1.</source>
        <translation>%1 としてサインインしています。</translation>
    </message>
    <message>
        <source>Signed out. Nothing is sent until you sign in again.</source>
        <translation>サインアウトしました。再度サインインするまで何も送信されません。</translation>
    </message>
    <message>
        <source>Your profile is public: it is on the leaderboard.</source>
        <translation>プロフィールは公開です: リーダーボードに表示されます。</translation>
    </message>
    <message>
        <source>Your profile is unlisted: only people with the link see it.</source>
        <translation>プロフィールは限定公開です: リンクを知っている人だけが見られます。</translation>
    </message>
    <message>
        <source>Your profile is private: only you see it.</source>
        <translation>プロフィールは非公開です: あなただけが見られます。</translation>
    </message>
    <message>
        <source>Your data was deleted from the server, and this computer signed out.</source>
        <translation>サーバーからデータが削除され、このコンピューターはサインアウトしました。</translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <source>Cannot open the usage store %1: %2</source>
        <translation>使用量ストア %1 を開けません: %2</translation>
    </message>
    <message>
        <source>Sync has not started.</source>
        <translation>同期は開始されていません。</translation>
    </message>
</context>
<context>
    <name>SyncStatusFormat</name>
    <message>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 時間前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 日前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation>
            <numerusform>%n 秒後</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>%n 分後</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n h</source>
        <translation>
            <numerusform>%n 時間後</numerusform>
        </translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>レート制限中</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>サインアウト済み</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>未サインイン</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>サーバーが拒否</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>サーバーエラー</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>local store error</source>
        <translation>ローカルストアのエラー</translation>
    </message>
    <message>
        <source>Sync unavailable: the local store cannot be opened</source>
        <translation>同期できません: ローカルストアを開けません</translation>
    </message>
    <message>
        <source>Sync: not signed in</source>
        <translation>同期: 未サインイン</translation>
    </message>
    <message>
        <source>Sync: signed out by the server</source>
        <translation>同期: サーバーによりサインアウト</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>同期中…</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>前回の同期: なし</translation>
    </message>
    <message>
        <source>Last sync: %1 · %2</source>
        <translation>前回の同期: %1 · %2</translation>
    </message>
    <message>
        <source>The server no longer accepts this sign-in: sign in again.</source>
        <translation>サーバーはこのサインインを受け付けなくなりました: 再度サインインしてください。</translation>
    </message>
    <message>
        <source>Auto-submit is paused until you submit by hand or sign in again.</source>
        <translation>手動で送信するか再度サインインするまで、自動送信は一時停止しています。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) waiting to be sent</source>
        <translation>
            <numerusform>送信待ち %n 日分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hourly row(s) not sent (see What left this machine)</source>
        <translation>
            <numerusform>%n 件の時間行が未送信（「このコンピューターから送られたもの」を参照）</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: %1 · %2 · retry %3</source>
        <translation>前回の同期: %1 · %2 · %3に再試行</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Open dashboard</source>
        <translation>ダッシュボードを開く</translation>
    </message>
    <message>
        <source>Submit now</source>
        <translation>今すぐ送信</translation>
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
        <source>Indexing history: %1%</source>
        <translation>履歴をインデックス中: %1%</translation>
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
        <source>TokenTally
Reading usage files…</source>
        <translation>TokenTally
使用量ファイルを読み込み中…</translation>
    </message>
    <message numerus="yes">
        <source>Submit when new usage has settled, and every %n minute(s)</source>
        <translation>
            <numerusform>新しい使用量が落ち着いたとき、および %n 分ごとに送信</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in again to keep submitting.</source>
        <translation>送信を続けるには再度サインインしてください。</translation>
    </message>
    <message>
        <source>Sync: starting…</source>
        <translation>同期: 起動中…</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>再度サインイン…</translation>
    </message>
    <message>
        <source>Sign in to submit…</source>
        <translation>サインインして送信…</translation>
    </message>
    <message>
        <source>Sign in to a server first</source>
        <translation>先にサーバーにサインインしてください</translation>
    </message>
    <message>
        <source>Today: %1 tokens · %2</source>
        <translation>今日: %1 トークン · %2</translation>
    </message>
    <message>
        <source>This week: %1 tokens · %2</source>
        <translation>今週: %1 トークン · %2</translation>
    </message>
    <message>
        <source>This month: %1 tokens · %2</source>
        <translation>今月: %1 トークン · %2</translation>
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
