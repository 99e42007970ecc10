#pragma once

#include "sources/usagesource.h"

#include <span>

//! \brief The table of every agent's UsageSource, in Agent order.
class SourceRegistry
{
public:
    static std::span<const UsageSource *const> all();
    static const UsageSource &of(Agent agent);
};
