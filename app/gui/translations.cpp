#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Translations {

void apply(const QString &language)
{
    static QPointer<QTranslator> ours;
    static QPointer<QTranslator> qt;
    for (QTranslator *old : {ours.data(), qt.data()}) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    // The app's catalogue first, then Qt's own (STYLE.md §24).
    ours = new QTranslator(QCoreApplication::instance());
    // The C locale (LC_ALL=C.UTF-8) is English too: it needs the English plural forms.
    if (ours->load(locale, u"tokentally"_s, u"_"_s, u":/i18n"_s) ||
        ours->load(u"tokentally_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ours);
    qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace Translations
