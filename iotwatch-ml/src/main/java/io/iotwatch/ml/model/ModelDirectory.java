package io.iotwatch.ml.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.iotwatch.detect.model.Forest;
import io.iotwatch.detect.model.LightGbmText;
import io.iotwatch.packet.features.FeatureColumns;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A model on disk: a directory with LightGBM's text model ({@code model.txt}) and {@link ModelManifest}
 * ({@code model.json}). Loading checks that the two agree, so a model that loads is one iotwatch can run.
 */
public final class ModelDirectory {

    public static final String MODEL_FILE = "model.txt";
    public static final String MANIFEST_FILE = "model.json";
    /** What a configuration names the model that ships with iotwatch. */
    public static final String DEFAULT_NAME = "default";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Where the model that ships with iotwatch lies on the class path. */
    static final String DEFAULT_RESOURCE = "/io/iotwatch/ml/model/default/";

    /**
     * A loaded model.
     *
     * @param name   what its verdicts name as their model: its directory's name and the start of its file's
     *               SHA-256, so that a retrained model is told apart
     * @param forest the trees, reading the extractor's rows of {@link FeatureColumns#COUNT} columns directly
     */
    public record Loaded(String name, ModelManifest manifest, Forest forest) {}

    private ModelDirectory() {}

    /** Writes the model text and the manifest into {@code directory}, creating it. */
    public static void write(Path directory, String modelText, ModelManifest manifest) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(manifest.modelFile()), modelText, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(MANIFEST_FILE), json(manifest), StandardCharsets.UTF_8);
    }

    /**
     * Loads the model a configuration names: {@code default} for the one that ships with iotwatch, else a
     * model directory.
     */
    public static Loaded load(String path) throws IOException {
        if (path.equals(DEFAULT_NAME)) {
            return loadDefault();
        }
        return load(Path.of(path));
    }

    /**
     * Loads the model in {@code directory}.
     *
     * @throws IOException with a message naming the file and what is wrong with it
     */
    public static Loaded load(Path directory) throws IOException {
        Path manifestFile = directory.resolve(MANIFEST_FILE);
        String json;
        try {
            json = Files.readString(manifestFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(directory + " is not a model directory: it has no " + MANIFEST_FILE, e);
        }
        ModelManifest manifest = manifest(json, manifestFile.toString());
        Path modelFile = directory.resolve(manifest.modelFile()).normalize();
        if (!modelFile.startsWith(directory.normalize())) {
            throw new IOException(manifestFile + " names a model file outside its directory: " + manifest.modelFile());
        }
        Path name = directory.toAbsolutePath().normalize().getFileName();
        return loaded(name == null ? "model" : name.toString(), manifest,
                Files.readString(modelFile, StandardCharsets.UTF_8), modelFile.toString());
    }

    /** The model that ships with iotwatch, trained as docs/MODEL.md describes. */
    public static Loaded loadDefault() throws IOException {
        ModelManifest manifest = defaultManifest();
        return loaded(DEFAULT_NAME, manifest, resource(manifest.modelFile()), "the default model's " + manifest.modelFile());
    }

    /** The text of the default model's LightGBM file, for comparisons with LightGBM itself. */
    public static String defaultModelText() throws IOException {
        return resource(defaultManifest().modelFile());
    }

    private static ModelManifest defaultManifest() throws IOException {
        return manifest(resource(MANIFEST_FILE), "the default model's " + MANIFEST_FILE);
    }

    /** The manifest's JSON text, as written into model.json. */
    public static String json(ModelManifest manifest) throws IOException {
        return JSON.writeValueAsString(manifest) + "\n";
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = ModelDirectory.class.getResourceAsStream(DEFAULT_RESOURCE + file)) {
            if (in == null) {
                throw new IOException("the default model is missing from this build (" + DEFAULT_RESOURCE + file + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ModelManifest manifest(String json, String origin) throws IOException {
        try {
            return JSON.readValue(json, ModelManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(origin + " cannot be used: " + rootMessage(e), e);
        }
    }

    private static Loaded loaded(String name, ModelManifest manifest, String modelText, String origin)
            throws IOException {
        Forest forest;
        try {
            forest = LightGbmText.parse(modelText);
        } catch (LightGbmText.FormatException e) {
            throw new IOException(origin + " is not a usable LightGBM model: " + e.getMessage(), e);
        }
        return new Loaded(name + "@" + shortHash(modelText), manifest, bind(forest, manifest, origin));
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The forest reading the extractor's rows, once its outputs and features are checked against the manifest. */
    static Forest bind(Forest forest, ModelManifest manifest, String modelFile) throws IOException {
        if (forest.classes() != manifest.classes().size()) {
            throw new IOException(modelFile + " has " + forest.classes() + " outputs, the manifest names "
                    + manifest.classes().size() + " classes");
        }
        if (forest.features() != manifest.features().size()) {
            throw new IOException(modelFile + " reads " + forest.features() + " features, the manifest names "
                    + manifest.features().size());
        }
        try {
            return forest.withColumns(ModelColumns.resolve(manifest.features()), FeatureColumns.COUNT);
        } catch (IllegalArgumentException e) {
            throw new IOException(modelFile + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
