#pragma once

// Helpers shared by the fuzz harnesses (tests/fuzz/README.md).

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

//! Fails the run (libFuzzer saves the input as a crash) when an invariant of
//! the code under test does not hold. Stays on in release builds.
#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond))                                                                               \
            FuzzSupport::fail(#cond, __FILE__, __LINE__);                                          \
    } while (false)

namespace FuzzSupport {

[[noreturn]] void fail(const char *what, const char *file, int line);

//! \brief A copy of the input followed by \a padding zero bytes: the parsers
//! read up to simdjson's padding past the end, as they do on the scanner's
//! buffers (a fuzz input has no readable bytes after it).
class PaddedBuffer
{
public:
    PaddedBuffer(const std::uint8_t *data, std::size_t size, std::size_t padding);
    const char *data() const { return m_bytes.data(); }
    std::int64_t size() const { return m_size; }

private:
    std::vector<char> m_bytes;
    std::int64_t m_size;
};

//! \brief A private directory for the whole fuzzing process (removed at exit),
//! on /dev/shm when it exists so that file-backed targets stay fast.
QString scratchDir();

//! \brief Splits \a data at each \a separator into at most \a max parts.
std::vector<std::string_view> split(std::string_view data, std::string_view separator,
                                    std::size_t max);

//! \brief A stable 64-bit hash of the input, for choices the input should not
//! spell out (where to cut a file in two).
std::uint64_t hashOf(const std::uint8_t *data, std::size_t size);

//! \brief A QCoreApplication for targets that need one (Qt's event loop,
//! QStandardPaths); created once.
void ensureCoreApplication();

} // namespace FuzzSupport
