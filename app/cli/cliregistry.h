#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

class CliCommand;

//! \brief The table of subcommands and the options every command takes.
namespace CliRegistry {

using CommandTable = std::vector<std::unique_ptr<CliCommand>>;

//! Every command, in the order `--help` lists them.
const CommandTable &commands();
//! The command named \a name, or null.
CliCommand *find(const QString &name);
//! Options every command accepts (`--db`, `--data-dir`, `--prices`, `--threads`);
//! defined apart (cliglobaloptions.cpp) so that a table of a few commands links
//! without the whole registry.
QList<QCommandLineOption> globalOptions();

} // namespace CliRegistry
