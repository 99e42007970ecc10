#pragma once

#include <QString>

//! \brief The installed man pages, built from the programs' option tables
//! (CliRegistry, guiOptions(), ServerOptions). \a date is the page date
//! (YYYY-MM-DD).
namespace ManPages {

QString tokentally(const QString &date);
QString tokentallyServer(const QString &date);

} // namespace ManPages
