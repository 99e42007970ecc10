#include "pagerenderer.h"

#include <QFile>
#include <QHash>

#include <cstdio>

using namespace Qt::StringLiterals;
using kainjow::mustache::mustache;
using kainjow::mustache::partial;

namespace {

std::string templateText(const QString &name)
{
    return PageRenderer::resource(u"templates/"_s + name + u".html"_s).toStdString();
}

QByteArray renderWith(mustache &tmpl, const PageRenderer::Data &data)
{
    if (!tmpl.is_valid()) {
        std::fprintf(stderr, "template error: %s\n", tmpl.error_message().c_str());
        return {};
    }
    const std::string out = tmpl.render(data);
    if (!tmpl.error_message().empty())
        std::fprintf(stderr, "template error: %s\n", tmpl.error_message().c_str());
    return QByteArray::fromStdString(out);
}

} // namespace

QString PageRenderer::resource(const QString &name)
{
    QFile file(u":/web/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QByteArray PageRenderer::render(const QString &name, Data data)
{
    const std::string content = templateText(name);
    data.set("content", partial([content] { return content; }));
    mustache tmpl(templateText(u"layout"_s));
    return renderWith(tmpl, data);
}

QByteArray PageRenderer::renderFragment(const QString &name, const Data &data)
{
    mustache tmpl(templateText(name));
    return renderWith(tmpl, data);
}
