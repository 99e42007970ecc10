#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

class CliCommand;

//! \brief The table of subcommands and the options every command takes.
namespace CliRegistry {

//! Every command, in the order `--help` lists them.
const std::vector<std::unique_ptr<CliCommand>> &commands();
//! The command named \a name, or null.
CliCommand *find(const QString &name);
//! Options every command accepts (`--db`, `--data-dir`, `--prices`, `--threads`).
QList<QCommandLineOption> globalOptions();

} // namespace CliRegistry
