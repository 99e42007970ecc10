#include "firstrunwizard.h"

#include "firstrun/agentspage.h"
#include "firstrun/privacypage.h"
#include "firstrun/startpage.h"

#include <QAbstractButton>

using namespace Qt::StringLiterals;

FirstRunWizard::FirstRunWizard(QWidget *parent)
    : QWizard(parent)
    , m_agents(new AgentsPage)
    , m_privacy(new PrivacyPage)
    , m_start(new StartPage)
{
    setObjectName(u"firstRunWizard"_s);
    // Classic: the pages' titles above their content on the window's own surface,
    // which follows the light and dark palettes (Modern paints a white header).
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(AgentsPageId, m_agents);
    setPage(PrivacyPageId, m_privacy);
    setPage(StartPageId, m_start);
    setStartId(AgentsPageId);
    button(QWizard::NextButton)->setObjectName(u"firstRunNext"_s);
    button(QWizard::BackButton)->setObjectName(u"firstRunBack"_s);
    button(QWizard::FinishButton)->setObjectName(u"firstRunFinish"_s);
    button(QWizard::CancelButton)->setObjectName(u"firstRunCancel"_s);
    connect(m_privacy, &PrivacyPage::entered, this, &FirstRunWizard::privacyPageEntered);
    connect(m_start, &StartPage::signInRequested, this, &FirstRunWizard::signInRequested);
    // Built in the language of the moment; it is shown once, at the first start.
    setWindowTitle(tr("Welcome to TokenTally"));
    resize(860, 600);
}

void FirstRunWizard::setOverview(const SourceOverview &overview)
{
    m_agents->setOverview(overview);
}

void FirstRunWizard::setPreviewLoading()
{
    m_privacy->setLoading();
}

void FirstRunWizard::setPreview(const SubmitPreview &preview)
{
    m_privacy->setPreview(preview);
}

void FirstRunWizard::setProgress(const ScanProgress &progress)
{
    m_privacy->setProgress(progress);
}

void FirstRunWizard::setSyncStatus(const SyncStatus &status, bool autoSubmit)
{
    m_start->setSyncStatus(status, autoSubmit);
}

void FirstRunWizard::setStartAtLogin(bool on)
{
    m_start->setStartAtLogin(on);
}

bool FirstRunWizard::startAtLogin() const
{
    return m_start->startAtLogin();
}

QString FirstRunWizard::pageName() const
{
    switch (currentId()) {
    case AgentsPageId:
        return u"agents"_s;
    case PrivacyPageId:
        return u"privacy"_s;
    case StartPageId:
        return u"start"_s;
    }
    return {};
}

QJsonObject FirstRunWizard::state() const
{
    const SubmitPreview &p = m_privacy->preview();
    return QJsonObject {
        {u"visible"_s, isVisible()},
        {u"page"_s, pageName()},
        {u"inspected"_s, m_agents->overview().inspected},
        {u"agents"_s, m_agents->overview().toJson()},
        {u"agentsSummary"_s, m_agents->summary()},
        {u"previewReady"_s, p.ready},
        {u"previewError"_s, p.error},
        {u"previewBodies"_s, p.bodies},
        {u"previewRows"_s, p.rows},
        {u"sample"_s, QString::fromUtf8(p.sample)},
        {u"sampleSummary"_s, m_privacy->summary()},
        {u"sampleText"_s, m_privacy->sampleText()},
        {u"startAtLogin"_s, startAtLogin()},
        {u"syncText"_s, m_start->syncText()},
    };
}
