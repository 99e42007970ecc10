#pragma once

#include <QColor>
#include <QPalette>

class QApplication;

// The TokenTally look (DESIGN.md §7): Fusion with our palette, light or dark after
// the system. Qt 6.4 has no QStyleHints::colorScheme(), so "dark" is the palette
// heuristic (Base lightness below 127); TOKENTALLY_THEME=light|dark overrides it.
namespace Theme {

bool systemIsDark(const QPalette &systemPalette);
// Decides light or dark, sets Fusion and the palette; returns whether it is dark.
bool apply(QApplication &app);
bool isDark();
QPalette palette(bool dark);

QColor brand();
QColor muted();
QColor surface(); // cards
QColor emptyCell(); // heatmap days without usage
QColor heatLevel(int level); // 1..4
} // namespace Theme
