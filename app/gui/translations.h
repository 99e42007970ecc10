#pragma once

#include <QString>

// Installs the app's and Qt's catalogues for a language (empty: the system's) and
// makes its locale the default. Calling it again swaps them: Qt sends LanguageChange
// to every widget, and the windows retranslate themselves.
namespace Translations {

void apply(const QString &language);

} // namespace Translations
