#include "theme.h"

#include <QApplication>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace {
bool g_dark = false;
}

namespace Theme {

bool systemIsDark(const QPalette &systemPalette)
{
    return systemPalette.color(QPalette::Base).lightness() < 127 ||
        systemPalette.color(QPalette::Window).lightness() < 127;
}

bool isDark()
{
    return g_dark;
}

QPalette palette(bool dark)
{
    QPalette p;
    const QColor ink = dark ? QColor(0xE6, 0xED, 0xF3) : QColor(0x1F, 0x23, 0x28);
    const QColor window = dark ? QColor(0x0D, 0x11, 0x17) : QColor(0xF6, 0xF8, 0xFA);
    const QColor base = dark ? QColor(0x16, 0x1B, 0x22) : QColor(0xFF, 0xFF, 0xFF);
    const QColor alt = dark ? QColor(0x1C, 0x22, 0x2B) : QColor(0xF6, 0xF8, 0xFA);
    const QColor button = dark ? QColor(0x21, 0x26, 0x2D) : QColor(0xFF, 0xFF, 0xFF);
    const QColor mutedInk = dark ? QColor(0x8B, 0x94, 0x9E) : QColor(0x65, 0x6D, 0x76);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, ink);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alt);
    p.setColor(QPalette::Text, ink);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, ink);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, ink);
    p.setColor(QPalette::PlaceholderText, mutedInk);
    p.setColor(QPalette::Highlight, brand());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, dark ? QColor(0x58, 0x9B, 0xFF) : brand());
    p.setColor(QPalette::Mid, dark ? QColor(0x30, 0x36, 0x3D) : QColor(0xD0, 0xD7, 0xDE));
    p.setColor(QPalette::Midlight, dark ? QColor(0x30, 0x36, 0x3D) : QColor(0xE5, 0xE9, 0xED));
    p.setColor(QPalette::Dark, dark ? QColor(0x01, 0x04, 0x09) : QColor(0xAF, 0xB8, 0xC1));
    p.setColor(QPalette::Light, dark ? QColor(0x30, 0x36, 0x3D) : Qt::white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, mutedInk);
    return p;
}

bool apply(QApplication &app)
{
    const QByteArray forced = qgetenv("TOKENTALLY_THEME");
    if (forced == "dark")
        g_dark = true;
    else if (forced == "light")
        g_dark = false;
    else
        g_dark = systemIsDark(QApplication::palette());
    if (QStyle *fusion = QStyleFactory::create(u"Fusion"_s))
        QApplication::setStyle(fusion);
    app.setPalette(palette(g_dark));
    // Fusion outlines check boxes and radio buttons with the window colour made
    // darker: on the dark surfaces they all but vanish. A visible border, and the
    // brand blue when on.
    if (g_dark)
        app.setStyleSheet(
            u"QCheckBox::indicator, QRadioButton::indicator { width: 13px; height: 13px;"
            " border: 1px solid #8B949E; background: #161B22; }"
            "QCheckBox::indicator { border-radius: 3px; }"
            "QRadioButton::indicator { border-radius: 7px; }"
            "QCheckBox::indicator:checked { background: #2F6FEB; border-color: #2F6FEB;"
            " image: url(:/icons/check-dark.svg); }"
            "QRadioButton::indicator:checked { border-color: #2F6FEB; background: qradialgradient("
            "cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5, stop:0 #2F6FEB, stop:0.45 #2F6FEB,"
            " stop:0.55 #161B22, stop:1 #161B22); }"
            "QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {"
            " border-color: #30363D; }"_s);
    return g_dark;
}

QColor brand()
{
    return QColor(0x2F, 0x6F, 0xEB);
}

QColor muted()
{
    return g_dark ? QColor(0x8B, 0x94, 0x9E) : QColor(0x65, 0x6D, 0x76);
}

QColor surface()
{
    return g_dark ? QColor(0x16, 0x1B, 0x22) : QColor(0xFF, 0xFF, 0xFF);
}

QColor emptyCell()
{
    return g_dark ? QColor(0x21, 0x26, 0x2D) : QColor(0xEB, 0xED, 0xF0);
}

QColor heatLevel(int level)
{
    // Four steps from #C6DBFF to #0B3D91 (DESIGN.md §7).
    switch (level) {
    case 1:
        return QColor(0xC6, 0xDB, 0xFF);
    case 2:
        return QColor(0x7F, 0xAA, 0xF6);
    case 3:
        return QColor(0x2F, 0x6F, 0xEB);
    case 4:
        return QColor(0x0B, 0x3D, 0x91);
    default:
        return emptyCell();
    }
}

} // namespace Theme
