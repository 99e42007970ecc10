#pragma once

#include <QColor>
#include <QString>

// One colour per model family everywhere (DESIGN.md §7): Claude in oranges and
// ambers, OpenAI in greens, Gemini in blues, others from a fixed qualitative palette
// chosen by a stable hash so a model keeps its colour across views and runs.
namespace ModelColors {
QColor forModel(const QString &model);
QColor brand(); // TokenTally blue
} // namespace ModelColors
