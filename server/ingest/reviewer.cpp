#include "reviewer.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

Reviewer::Reviewer(ServerStore &store)
    : m_store(store)
{
    m_thread = std::thread([this] { loop(); });
}

Reviewer::~Reviewer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

bool Reviewer::looksLikeKnownFamily(const QString &model)
{
    static const QRegularExpression re(
        u"^(?:[a-z0-9-]+/)?(?:claude|gpt|o[0-9]|codex|gemini|grok|deepseek|qwen|kimi|glm|"
        "mistral|codestral|devstral|llama|sonnet|opus|haiku|anthropic|openai|google)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re.match(model).hasMatch();
}

void Reviewer::reviewSubmission(const UserRecord &user, const QStringList &unknownModels)
{
    if (user.reviewed || user.hidden || unknownModels.isEmpty())
        return;
    m_store.setHidden(user.id, true, u"invented model names: "_s + unknownModels.join(u", "),
                      false);
}

void Reviewer::loop()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        m_wake.wait_for(lock, std::chrono::seconds(30));
        if (m_stop)
            break;
        const std::int64_t generation = m_store.generation();
        if (generation == m_reviewedGeneration)
            continue;
        m_reviewedGeneration = generation;
        lock.unlock();
        try {
            const std::int64_t now = QDateTime::currentSecsSinceEpoch();
            const auto totals = m_store.tokensPerUser(now - 30 * 86400, now + 3600);
            // Shares and medians mean little with fewer users.
            if (totals.size() >= 5) {
                QList<std::int64_t> values;
                std::int64_t sum = 0;
                for (const auto &entry : totals) {
                    values.append(entry.second);
                    sum += entry.second;
                }
                std::sort(values.begin(), values.end());
                const std::int64_t median = values.at(values.size() / 2);
                for (const auto &[id, tokens] : totals) {
                    QString reason;
                    if (sum > 0 && double(tokens) / double(sum) > 0.5)
                        reason = u"more than half of all tokens in 30 days"_s;
                    else if (median > 0 && tokens > 100 * median)
                        reason = u"over 100 times the median user in 30 days"_s;
                    if (!reason.isEmpty())
                        m_store.flagUser(id, reason);
                }
            }
        } catch (const std::exception &e) {
            std::fprintf(stderr, "review failed: %s\n", e.what());
        }
        lock.lock();
    }
}
