#pragma once

#include "models/submitpreview.h"
#include "models/usagesnapshot.h"

#include <QWizardPage>

class QCheckBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;

// The wizard's second page: what stays on this computer, what sync would send
// (only once the user turns it on), and a sample body built from the user's
// own usage by a dry run, as a readable row and as the exact text.
class PrivacyPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrivacyPage)

public:
    explicit PrivacyPage(QWidget *parent = nullptr);

    // A dry run was asked for (the sample is being built).
    void setLoading();
    void setPreview(const SubmitPreview &preview);
    void setProgress(const ScanProgress &progress);
    const SubmitPreview &preview() const { return m_preview; }
    QString summary() const;
    // The text the sample view shows (indented or the exact bytes).
    QString sampleText() const;

    void initializePage() override;

Q_SIGNALS:
    // The page is shown: the wizard decides whether the sample needs building.
    void entered();

private:
    void render();

    QLabel *m_summary;
    QWidget *m_sampleBox;
    QFormLayout *m_row;
    QPlainTextEdit *m_sample;
    QCheckBox *m_indent;
    SubmitPreview m_preview;
    bool m_loading = false;
    int m_indexingPercent = -1;
};
