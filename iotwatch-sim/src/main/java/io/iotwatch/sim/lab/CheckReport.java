package io.iotwatch.sim.lab;

import java.util.List;

/** The capture checks as {@code checks.txt} and {@code checks.csv}: one line per criterion of each attack. */
public final class CheckReport {

    private CheckReport() {}

    static TextTable table(CaptureChecker.Report report) {
        TextTable table = new TextTable("attack", "result", "observed", "required", "what");
        for (CaptureChecker.Result result : report.results()) {
            for (CaptureChecker.Observed observed : result.observed()) {
                table.row(result.attack().attack(), observed.holds() ? "ok" : "FAILED", Long.toString(observed.count()),
                        Long.toString(observed.criterion().minimum()), observed.criterion().description());
            }
        }
        return table;
    }

    /** One line per attack for the console: its verdict, and the failed criteria. */
    public static List<String> summary(CaptureChecker.Report report) {
        return report.results().stream().map(r -> String.format("  %-22s %s", r.attack().attack(), r.passed() ? "ok"
                : "FAILED: " + r.observed().stream().filter(o -> !o.holds())
                        .map(o -> o.criterion().description() + ": " + o.count() + " < " + o.criterion().minimum())
                        .reduce((a, b) -> a + "; " + b).orElse(""))).toList();
    }
}
