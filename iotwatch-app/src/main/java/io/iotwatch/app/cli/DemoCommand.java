package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.app.sources.DemoSource;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the monitor as 'serve' does, with a built-in traffic source: a generated IoT network's packets and "
                    + "FortiGate logs, played in real time with attacks planted in them (scans, floods, brute force, "
                    + "DNS tunneling, spoofing, web attacks ...), so that alerts arrive on the dashboard within a "
                    + "minute and keep coming. Stored in the embedded database under the data directory unless "
                    + "--db says otherwise. Prints the dashboard's address and, on first start, the admin's password.",
            "Until stopped with Ctrl-C."
        })
final class DemoCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    WebOptions web;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Play the traffic this many times as fast as real time, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the first generated run; each later run takes the next (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DemoSource.Options options;
        try {
            options = new DemoSource.Options(speed, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--speed: " + e.getMessage());
        }
        IotwatchConfig config = common.load(web.overrides());
        PrintWriter out = spec.commandLine().getOut();
        return MonitorRun.run(config, common.configFile(), out, options, new CountDownLatch(1));
    }
}
