package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class HelpTest {

    @Test
    void topLevelHelpListsEveryCommandWithItsPurpose() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        for (String command : IotwatchCommand.commandLine().getSubcommands().keySet()) {
            assertThat(run.out()).contains(command);
        }
        // picocli wraps paragraphs at the terminal width, wherever a space falls
        assertThat(run.out().replaceAll("\\s+", " ")).contains("Exit status: 0 success", "iotwatch.yml");
    }

    @Test
    void everyCommandExplainsEveryOption() {
        Map<String, CommandLine> commands = IotwatchCommand.commandLine().getSubcommands();
        assertThat(commands).containsKeys("ingest", "alerts", "audit", "generate", "parse", "listen");
        Map<String, CommandLine> all = new LinkedHashMap<>(commands);
        commands.forEach((name, command) -> command.getSubcommands().forEach((sub, line) -> all.put(name + " " + sub, line)));
        assertThat(all).containsKey("generate logs");
        for (Map.Entry<String, CommandLine> command : all.entrySet()) {
            if (command.getKey().equals("help")) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of(command.getKey().split(" ")));
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(command.getValue().getCommandSpec().usageMessage().description())
                    .as("description of %s", command.getKey()).isNotEmpty();
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                String shown = option.negatable() ? option.longestName().replaceFirst("^--(no-)?", "--[no-]") : option.longestName();
                assertThat(run.out()).as("%s --help", command.getKey()).contains(shown);
                assertThat(option.description()).as("%s %s", command.getKey(), option.longestName()).isNotEmpty();
            }
        }
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.of("ingest", "--no-such-option", "x");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--no-such-option");
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsIgnoringCase("iotwatch");
    }
}
