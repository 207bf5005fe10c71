package io.iotwatch.app.cli;

import io.iotwatch.logs.file.LogInputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One thing to read: a file, or standard input when {@code file} is null. */
record Input(String name, Path file, long size) {

    /** Expands command-line arguments (files, folders, '-') into inputs in a stable order. */
    static List<Input> of(List<String> args) throws IOException {
        List<Input> inputs = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals(LogInputs.STDIN)) {
                inputs.add(new Input("<stdin>", null, 0));
                continue;
            }
            try {
                for (Path file : LogInputs.expand(List.of(Path.of(arg)))) {
                    inputs.add(new Input(file.toString(), file, Files.size(file)));
                }
            } catch (NoSuchFileException e) {
                throw new UserFacingException("no such file or folder: " + e.getFile(), e);
            }
        }
        return inputs;
    }

    /** The raw bytes, counted as they are read. */
    CountingInputStream open() throws IOException {
        InputStream in = file == null ? System.in : Files.newInputStream(file);
        return new CountingInputStream(in);
    }
}
