#include "fuzzsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <cstring>
#include <memory>

namespace FuzzSupport {

void fail(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d)\n", what, file, line);
    std::fflush(stderr);
    std::abort();
}

PaddedBuffer::PaddedBuffer(const std::uint8_t *data, std::size_t size, std::size_t padding)
    : m_bytes(size + padding, '\0')
    , m_size(std::int64_t(size))
{
    if (size)
        std::memcpy(m_bytes.data(), data, size);
}

QString scratchDir()
{
    static const std::unique_ptr<QTemporaryDir> dir = [] {
        const QString base = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm")
                                                                       : QDir::tempPath();
        return std::make_unique<QTemporaryDir>(base + QStringLiteral("/tokentally-fuzz-XXXXXX"));
    }();
    if (!dir->isValid())
        fail("scratch directory", __FILE__, __LINE__);
    return dir->path();
}

std::vector<std::string_view> split(std::string_view data, std::string_view separator,
                                    std::size_t max)
{
    std::vector<std::string_view> parts;
    while (parts.size() + 1 < max) {
        const std::size_t at = data.find(separator);
        if (at == std::string_view::npos)
            break;
        parts.push_back(data.substr(0, at));
        data.remove_prefix(at + separator.size());
    }
    parts.push_back(data);
    return parts;
}

std::uint64_t hashOf(const std::uint8_t *data, std::size_t size)
{
    std::uint64_t h = 1469598103934665603ull; // FNV-1a
    for (std::size_t i = 0; i < size; ++i) {
        h ^= data[i];
        h *= 1099511628211ull;
    }
    return h;
}

void ensureCoreApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "tokentally-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
}

} // namespace FuzzSupport
