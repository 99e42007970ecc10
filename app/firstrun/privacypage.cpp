#include "privacypage.h"

#include "core/agent.h"
#include "models/numberformat.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QLabel *paragraph(const QString &heading, const QString &text)
{
    auto *l = new QLabel(u"<b>%1</b><br>%2"_s.arg(heading.toHtmlEscaped(), text.toHtmlEscaped()));
    l->setWordWrap(true);
    l->setTextFormat(Qt::RichText);
    return l;
}

} // namespace

PrivacyPage::PrivacyPage(QWidget *parent)
    : QWizardPage(parent)
    , m_summary(new QLabel)
    , m_sampleBox(new QWidget)
    , m_row(new QFormLayout)
    , m_sample(new QPlainTextEdit)
    , m_indent(new QCheckBox(tr("Indent")))
{
    setTitle(tr("What stays here, and what sync would send"));
    setSubTitle(tr("Sync is off. Nothing leaves this computer until you sign in to a server "
                   "and submit."));
    auto *stays = paragraph(tr("Stays on this computer"),
                            tr("Your prompts, the agents' answers, code, file paths, project "
                               "names and session ids. TokenTally reads only the token counts "
                               "and keeps hourly totals in a database on this computer."));
    auto *sent = paragraph(tr("Sent only if you turn sync on"),
                           tr("Hourly totals per agent and model (token counts, messages, "
                              "sessions) under a random device id, and nothing else."));
    m_summary->setObjectName(u"firstRunSampleSummary"_s);
    m_summary->setWordWrap(true);

    auto *rowTitle = new QLabel(tr("Its newest hourly row:"));
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->setLabelAlignment(Qt::AlignLeft);
    m_row->setVerticalSpacing(2);
    auto *rowBox = new QWidget;
    auto *rowLayout = new QVBoxLayout(rowBox);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(rowTitle);
    rowLayout->addLayout(m_row);
    rowLayout->addStretch(1);

    m_sample->setObjectName(u"firstRunSample"_s);
    m_sample->setReadOnly(true);
    m_sample->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sample->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_sample->setWordWrapMode(QTextOption::WrapAnywhere);
    m_indent->setObjectName(u"firstRunIndent"_s);
    m_indent->setToolTip(tr("Indent the JSON to read it. Unticked, the text is the exact bytes "
                            "a submit would sign and send."));
    connect(m_indent, &QCheckBox::toggled, this, &PrivacyPage::render);
    auto *textBox = new QWidget;
    auto *textLayout = new QVBoxLayout(textBox);
    textLayout->setContentsMargins(0, 0, 0, 0);
    auto *textHead = new QHBoxLayout;
    textHead->addWidget(new QLabel(tr("The exact text (the device id is made when you sign in):")),
                        1);
    textHead->addWidget(m_indent);
    textLayout->addLayout(textHead);
    textLayout->addWidget(m_sample, 1);

    auto *sampleLayout = new QHBoxLayout(m_sampleBox);
    sampleLayout->setContentsMargins(0, 0, 0, 0);
    sampleLayout->setSpacing(16);
    sampleLayout->addWidget(rowBox);
    sampleLayout->addWidget(textBox, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(stays);
    layout->addWidget(sent);
    layout->addWidget(m_summary);
    layout->addWidget(m_sampleBox, 1);
    render();
}

void PrivacyPage::initializePage()
{
    Q_EMIT entered();
}

void PrivacyPage::setLoading()
{
    m_loading = true;
    render();
}

void PrivacyPage::setPreview(const SubmitPreview &preview)
{
    m_loading = false;
    m_preview = preview;
    render();
}

void PrivacyPage::setProgress(const ScanProgress &progress)
{
    const int pct = progress.firstIndex && progress.total > 0 && progress.done < progress.total
        ? progress.percent()
        : -1;
    if (pct == m_indexingPercent)
        return;
    m_indexingPercent = pct;
    render();
}

QString PrivacyPage::summary() const
{
    return m_summary->text();
}

QString PrivacyPage::sampleText() const
{
    return m_sample->toPlainText();
}

void PrivacyPage::render()
{
    const SubmitPreview &p = m_preview;
    const bool haveSample = p.ready && p.error.isEmpty() && p.sampleRow.has_value();
    QStringList lines;
    if (!p.ready || (m_loading && !haveSample)) {
        lines << tr("Building a sample from your usage…");
    } else if (!p.error.isEmpty()) {
        lines << tr("Could not build a sample: %1").arg(p.error);
    } else if (!haveSample) {
        lines << tr("There is no usage to send yet, so there is no sample to show.");
    } else {
        lines << tr("A first submit would send %n hourly row(s) from %1 to %2 (UTC).", nullptr,
                    p.rows)
                     .arg(p.firstDay, p.lastDay);
        lines << tr("This is the newest of its %n body(ies), byte for byte:", nullptr, p.bodies);
    }
    if (m_indexingPercent >= 0)
        lines << tr("Still reading your usage history (%1%): the sample grows until it is done.")
                     .arg(m_indexingPercent);
    m_summary->setText(lines.join(u'\n'));
    m_sampleBox->setVisible(haveSample);
    m_indent->setEnabled(haveSample);

    while (m_row->rowCount() > 0)
        m_row->removeRow(0);
    if (!haveSample) {
        m_sample->clear();
        return;
    }
    const WireBucket &b = *p.sampleRow;
    const QLocale locale;
    auto add = [this](const QString &label, const QString &value) {
        auto *v = new QLabel(value);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_row->addRow(label, v);
    };
    const std::optional<Agent> agent = agentFromId(b.agent);
    // ISO dates, as on the wire and in the summary above.
    add(tr("Hour (UTC)"),
        QDateTime::fromSecsSinceEpoch(b.hour, Qt::UTC).toString(u"yyyy-MM-dd HH:mm"_s));
    add(tr("Agent"), agent ? agentDisplayName(*agent) : b.agent);
    add(tr("Model"), b.model);
    add(tr("Input"), NumberFormat::full(b.tokens.input, locale));
    add(tr("Cache write"), NumberFormat::full(b.tokens.cacheWrite, locale));
    add(tr("Cache read"), NumberFormat::full(b.tokens.cacheRead, locale));
    add(tr("Output"), NumberFormat::full(b.tokens.output, locale));
    add(tr("Reasoning"), NumberFormat::full(b.tokens.reasoning, locale));
    add(tr("Messages"), NumberFormat::full(b.messages, locale));
    add(tr("Sessions"), NumberFormat::full(b.sessions, locale));
    const QByteArray text = m_indent->isChecked()
        ? QJsonDocument::fromJson(p.sample).toJson(QJsonDocument::Indented)
        : p.sample;
    m_sample->setPlainText(QString::fromUtf8(text));
}
