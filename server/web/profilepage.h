#pragma once

#include "pagerenderer.h"

#include <QJsonObject>

//! \brief The values of the profile template from a profile (Profile::build):
//! summary cards, the year heatmap, model and agent mix, weekly cost chart.
namespace ProfilePage {
void fill(PageRenderer::Data &data, const QJsonObject &profile);
} // namespace ProfilePage
