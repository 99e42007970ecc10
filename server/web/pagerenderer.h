#pragma once

#include <QByteArray>
#include <QString>

#include <kainjow/mustache.hpp>

//! \brief Pages from the Mustache templates compiled into the binary
//! (resources/web/templates): every {{value}} is HTML-escaped; the templates
//! use no triple braces, so no value reaches a page unescaped.
namespace PageRenderer {

using Data = kainjow::mustache::data;

inline Data text(const QString &value)
{
    return Data(value.toStdString());
}
inline Data number(double value, int decimals = 0)
{
    return Data(QString::number(value, 'f', decimals).toStdString());
}
inline Data flag(bool value)
{
    return Data(value);
}
inline Data list()
{
    return Data(Data::type::list);
}

//! templates/\a name.html inside templates/layout.html, with \a data (plus
//! the layout's title, canonical, nav and version).
QByteArray render(const QString &name, Data data);
//! One template without the layout.
QByteArray renderFragment(const QString &name, const Data &data);
//! The raw text of a compiled-in resource (web/...).
QString resource(const QString &name);

} // namespace PageRenderer
