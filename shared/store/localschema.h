#pragma once

#include <string_view>

//! \brief The local store's schema as numbered migration steps. Step N takes a
//! store from user_version N-1 to N; steps are never edited once released,
//! only appended.
namespace LocalSchema {

//! The newest step.
inline constexpr int Version = 4;
//! The SQL of step \a step (1..Version).
std::string_view migration(int step);

} // namespace LocalSchema
