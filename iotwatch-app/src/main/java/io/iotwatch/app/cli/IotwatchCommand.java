package io.iotwatch.app.cli;

import io.iotwatch.app.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: lists the subcommands. */
@Command(
        name = "iotwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Network security monitor for IoT networks.",
            "Reads FortiGate firewall logs (files or syslog) and packet captures, normalizes them into connection, DNS, "
                    + "authentication, ARP, vendor-alert and generic events, stores them, and runs rule detectors "
                    + "(brute force, DNS tunneling, beaconing, scans, ARP spoofing, floods, anomalies) and a LightGBM "
                    + "classifier that raise alerts, shown live on a web dashboard ('serve', or 'demo' to see it "
                    + "work on generated traffic). Alerts, triage, logins and changes go into a tamper-evident, "
                    + "signed audit log ('audit verify'). From packets it also computes the CICIoT2023 features IoT "
                    + "attack classifiers use.",
            ""
        },
        subcommands = {DemoCommand.class, ServeCommand.class, IngestCommand.class, CaptureCommand.class, FeaturesCommand.class, TrainCommand.class, ModelCommand.class,
            AlertsCommand.class, AuditCommand.class, ReportCommand.class, GenerateCommand.class,
            ParseCommand.class, ListenCommand.class, LabCommand.class,
            CommandLine.HelpCommand.class},
        footer = {
            "",
            "Configuration: iotwatch.yml in the working directory (or --config FILE); environment "
                    + "variables IOTWATCH_<KEY> and command-line options override it. Exit status: 0 success, "
                    + "1 failure while running, 2 wrong usage or configuration, 3 finished but an input was "
                    + "damaged (what was valid in it was processed).",
            "Run 'iotwatch COMMAND --help' for a command's options."
        })
public final class IotwatchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line, shared by {@code main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new IotwatchCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("iotwatch: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (e instanceof UserFacingException) {
                commandLine.getErr().println("iotwatch: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
            commandLine.getErr().println("iotwatch: " + e);
            org.slf4j.LoggerFactory.getLogger(IotwatchCommand.class).error("command failed", e);
            return ExitCodes.FAILURE;
        });
        return cli;
    }
}
