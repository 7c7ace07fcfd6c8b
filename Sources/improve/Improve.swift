import ArgumentParser

/// `improve`: the command line of improvement-monitor. Each command is a thin call into the libraries.
@main
struct Improve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "improve",
        abstract: "Run and track a DfE Improvement Notice for children's social care.",
        subcommands: [NoticeCommand.self, IndicatorsCommand.self, CheckCommand.self, TablesCommand.self, GenerateCommand.self, StatusCommand.self,
                      ServeCommand.self, DemoCommand.self, ReportCommand.self,
                      BackupCommand.self, RestoreCommand.self, AuditCommand.self, PublishedCommand.self, BenchmarksCommand.self]
    )
}
