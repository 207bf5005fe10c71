package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the monitor until stopped (Ctrl-C): the dashboard and JSON API (docs/DASHBOARD.md, docs/API.md) and "
                    + "every traffic source the configuration enables: live interfaces (capture.interfaces), syslog "
                    + "listeners (syslog.udp-port, syslog.tcp-port) and watched log folders (watch.folders). The "
                    + "detectors and the classifier run on all of it; alerts appear on the dashboard as they are raised. "
                    + "Reports made on the dashboard, through the API and on the schedule (reports.schedule) are kept in "
                    + "the reports folder (reports.folder, default DATA_DIR/reports; docs/REPORTS.md).",
            "The first start makes the user 'admin' with a random password and prints it once."
        })
final class ServeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    WebOptions web;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        IotwatchConfig config = common.load(web.overrides());
        PrintWriter out = spec.commandLine().getOut();
        return MonitorRun.run(config, common.configFile(), out, null, new CountDownLatch(1));
    }
}
