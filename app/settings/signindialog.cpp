#include "signindialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SignInDialog::SignInDialog(const QString &server, QWidget *parent)
    : QDialog(parent)
    , m_pages(new QStackedWidget)
    , m_server(new QLineEdit(server))
    , m_create(new QRadioButton(tr("Create a new account")))
    , m_existing(new QRadioButton(tr("Use an existing account")))
    , m_username(new QLineEdit)
    , m_token(new QLineEdit)
    , m_error(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel))
    , m_doneText(new QLabel)
    , m_newToken(new QLineEdit)
{
    setWindowTitle(tr("Sign in to a TokenTally server"));
    m_server->setObjectName(u"signInServer"_s);
    m_server->setPlaceholderText(u"https://board.example.org"_s);
    m_create->setObjectName(u"signInCreate"_s);
    m_existing->setObjectName(u"signInExisting"_s);
    m_username->setObjectName(u"signInUsername"_s);
    m_username->setPlaceholderText(tr("3-32 letters, digits, - or _"));
    m_token->setObjectName(u"signInToken"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("The token shown when the account was created"));
    m_create->setChecked(true);

    auto *form = new QWidget;
    auto *grid = new QFormLayout(form);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addRow(tr("Server"), m_server);
    grid->addRow(m_create);
    grid->addRow(tr("User name"), m_username);
    grid->addRow(m_existing);
    grid->addRow(tr("API token"), m_token);
    auto *privacy = new QLabel(
        tr("Only hourly totals per agent and model are sent (tokens, messages, sessions), "
           "under a random device id, when you submit or turn on Auto-submit. Never prompts, "
           "code, file paths, project names or session ids. The token and the device key stay "
           "in the system keyring."));
    privacy->setWordWrap(true);
    privacy->setForegroundRole(QPalette::PlaceholderText);
    grid->addRow(privacy);
    m_error->setObjectName(u"signInError"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xCF, 0x22, 0x2E));
    m_error->setPalette(errorPalette);
    m_error->hide();
    grid->addRow(m_error);
    m_pages->addWidget(form);

    auto *done = new QWidget;
    auto *doneLayout = new QVBoxLayout(done);
    doneLayout->setContentsMargins(0, 0, 0, 0);
    m_doneText->setWordWrap(true);
    m_newToken->setObjectName(u"signInNewToken"_s);
    m_newToken->setReadOnly(true);
    m_newToken->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copy = new QPushButton(tr("Copy token"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_newToken->text()); });
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_newToken, 1);
    tokenRow->addWidget(copy);
    doneLayout->addWidget(m_doneText);
    doneLayout->addLayout(tokenRow);
    doneLayout->addStretch();
    m_pages->addWidget(done);

    m_signIn = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(u"signInButton"_s);
    m_signIn->setDefault(true);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QRadioButton::toggled, this, &SignInDialog::updateMode);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_buttons);
    updateMode();
    resize(520, sizeHint().height());
}

QString SignInDialog::validate(const QString &server, bool createAccount, const QString &username,
                               const QString &token)
{
    if (AccountFlow::normalizeServer(server).isEmpty())
        return tr("The server must be an address starting with https:// or http://.");
    if (createAccount && username.trimmed().isEmpty())
        return tr("Choose a user name for the new account.");
    if (!createAccount && token.trimmed().isEmpty())
        return tr("Paste the API token of your account.");
    return {};
}

QString SignInDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

QString SignInDialog::stage() const
{
    if (m_pages->currentIndex() == 1)
        return u"token"_s;
    return m_busy ? u"busy"_s : u"form"_s;
}

void SignInDialog::updateMode()
{
    const bool create = m_create->isChecked();
    m_username->setEnabled(create && !m_busy);
    m_token->setEnabled(!create && !m_busy);
    m_signIn->setText(create ? tr("Create account") : tr("Sign in"));
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *> {m_server, m_create, m_existing, m_signIn})
        w->setEnabled(!busy);
    updateMode();
    if (busy) {
        m_error->setText(tr("Signing in…"));
        m_error->setForegroundRole(QPalette::PlaceholderText);
        m_error->show();
    }
}

void SignInDialog::submit()
{
    if (m_busy)
        return;
    const bool create = m_create->isChecked();
    const QString error = validate(m_server->text(), create, m_username->text(), m_token->text());
    if (!error.isEmpty()) {
        m_error->setForegroundRole(QPalette::WindowText);
        m_error->setText(error);
        m_error->show();
        return;
    }
    LoginRequest request;
    request.server = m_server->text().trimmed();
    if (create)
        request.username = m_username->text().trimmed();
    else
        request.token = m_token->text().trimmed();
    setBusy(true);
    Q_EMIT signInRequested(request);
}

void SignInDialog::showResult(bool ok, const QString &error, const QString &username,
                              const QString &newToken)
{
    setBusy(false);
    if (!ok) {
        m_error->setForegroundRole(QPalette::WindowText);
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_error->hide();
    if (newToken.isEmpty()) {
        accept();
        return;
    }
    // A new account: its token exists nowhere else the user can see, so show it once.
    m_doneText->setText(
        tr("Signed in as %1. This is your account's API token, shown only this once. Keep it "
           "somewhere safe: you need it to sign in on another computer.")
            .arg(username));
    m_newToken->setText(newToken);
    m_newToken->setCursorPosition(0);
    m_pages->setCurrentIndex(1);
    // removeButton() drops the parent: keep it owned (and hidden) by the dialog.
    m_buttons->removeButton(m_signIn);
    m_signIn->setParent(this);
    m_signIn->hide();
    // Close rejects, which is fine: the sign-in itself is done.
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
}
