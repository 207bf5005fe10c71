package io.iotwatch.app.cli;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.json.EventJson;
import io.iotwatch.core.json.JsonWriter;
import io.iotwatch.logs.file.LineReader;
import io.iotwatch.logs.file.LogInputs;
import io.iotwatch.logs.fortigate.EcsFormatter;
import io.iotwatch.logs.fortigate.FortiGateParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = {
            "Prints one JSON object per line of FortiGate logs, without storing anything.",
            "ecs: the Elastic Common Schema, fields named as Elastic's Fortinet integration names them, "
                    + "every key of the line under fortinet.firewall.*; a line that cannot be parsed gives "
                    + "{\"event\":{\"original\":...},\"error\":{\"message\":...}}.",
            "json: iotwatch's normalized events; a line that cannot be parsed gives {\"reject\":{...}}.",
            "Rejected lines are also listed on standard error with file and line number."
        })
final class ParseCommand implements Callable<Integer> {

    enum Format { ecs, json }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files or folders (plain or gzip), or '-' for standard input.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ecs",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--max-line-bytes", paramLabel = "BYTES", defaultValue = "16777216",
            description = "Longest line parsed; longer ones are rejected (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Input> inputs = Input.of(paths);
        PrintWriter err = spec.commandLine().getErr();
        FortiGateParser parser = new FortiGateParser();
        StringBuilder json = new StringBuilder(4096);
        long lines = 0;
        long rejects = 0;
        PrintWriter out = spec.commandLine().getOut();
        for (Input input : inputs) {
            try (LineReader reader = new LineReader(LogInputs.decompressing(input.open()), maxLineBytes)) {
                long stream = reader.fingerprint();
                while (reader.next()) {
                    if (reader.lineLength() == 0) {
                        continue;
                    }
                    lines++;
                    EventId id = new EventId(stream, reader.lineOffset());
                    Event event = reader.truncated() ? null
                            : parser.decode(reader.buffer(), reader.lineStart(), reader.lineLength(), id);
                    String reason = reader.truncated() ? "line longer than " + maxLineBytes + " bytes" : parser.rejectReason();
                    json.setLength(0);
                    if (event == null) {
                        rejects++;
                        err.printf("%s:%d: %s%n", input.name(), reader.lineNumber(), reason);
                        writeReject(json, reader, input.name(), reason);
                    } else if (format == Format.ecs) {
                        EcsFormatter.append(parser.line(), json);
                    } else {
                        EventJson.write(new JsonWriter(json), event);
                    }
                    out.append(json).append('\n');
                }
            } catch (IOException e) {
                throw new UserFacingException("cannot read " + input.name() + ": " + Stores.rootMessage(e), e);
            }
        }
        out.flush();
        err.printf("%,d lines, %,d events, %,d rejected%n", lines, lines - rejects, rejects);
        err.flush();
        return ExitCodes.OK;
    }

    private void writeReject(StringBuilder json, LineReader reader, String origin, String reason) {
        String raw = new String(reader.buffer(), reader.lineStart(), reader.lineLength(), StandardCharsets.UTF_8);
        JsonWriter w = new JsonWriter(json);
        if (format == Format.ecs) {
            w.beginObject()
                    .beginObject("event").field("original", raw).endObject()
                    .beginObject("error").field("message", reason).endObject()
                    .beginObject("log").beginObject("file").field("path", origin).endObject()
                    .field("offset", reader.lineOffset()).endObject()
                    .endObject();
        } else {
            w.beginObject().beginObject("reject")
                    .field("origin", origin)
                    .field("line", reader.lineNumber())
                    .field("reason", reason)
                    .field("raw", raw)
                    .endObject().endObject();
        }
    }
}
