#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

//! \brief Shields-style SVG badges with text widths from Verdana 11px metrics.
class BadgeRenderer
{
public:
    enum class Style {
        Flat,
        FlatSquare,
        Branded,
    };

    static std::optional<Style> parseStyle(const QString &text);
    static QString styleName(Style style);
    //! Width in px of \a text in Verdana 11px, as shields.io measures it.
    static double textWidth(QStringView text);
    //! A colour from a hex value ("2F6FEB", "#fff") or a shields name; nothing if invalid.
    static std::optional<QString> parseColor(const QString &text);

    static QByteArray svg(const QString &label, const QString &message, const QString &color,
                          Style style);
    //! shields.io's endpoint schema (https://shields.io/badges/endpoint-badge).
    static QByteArray endpointJson(const QString &label, const QString &message,
                                   const QString &color, Style style);

    static constexpr const char *Blue = "#2F6FEB";
    static constexpr const char *Grey = "#9f9f9f";
};
