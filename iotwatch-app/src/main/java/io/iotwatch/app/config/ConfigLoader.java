package io.iotwatch.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the configuration from, in rising precedence: the built-in defaults, {@code iotwatch.yml},
 * environment variables {@code IOTWATCH_<KEY>} (the key upper-cased, dots and dashes as underscores,
 * e.g. {@code IOTWATCH_DATABASE_URL}), and command-line options. Rejects unknown keys and bad values
 * with a message naming the key, where the value came from and what is allowed.
 */
public final class ConfigLoader {

    /** The configuration file looked for in the working directory when none is named. */
    public static final Path DEFAULT_FILE = Path.of("iotwatch.yml");

    private static final String ENV_PREFIX = "IOTWATCH_";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * @param file      a configuration file the user named, or empty to use {@link #DEFAULT_FILE} if present
     * @param env       the environment
     * @param overrides values from command-line options, by dotted key ({@code database.url})
     */
    public IotwatchConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        ObjectNode tree = yaml.valueToTree(IotwatchConfig.defaults());
        Map<String, String> origins = new HashMap<>();
        Optional<Path> source = fileToRead(file);
        if (source.isPresent()) {
            mergeFile(tree, source.get(), origins);
        }
        Map<String, String> leaves = new LinkedHashMap<>();
        collectLeaves(tree, "", leaves);
        for (String key : leaves.keySet()) {
            String name = envName(key);
            if (env.containsKey(name)) {
                set(tree, key, env.get(name));
                origins.put(key, "environment variable " + name);
            }
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            if (!leaves.containsKey(override.getKey())) {
                throw new ConfigException("unknown configuration key '" + override.getKey() + "'");
            }
            set(tree, override.getKey(), override.getValue());
            origins.put(override.getKey(), "command-line option");
        }
        IotwatchConfig config = bind(tree, origins);
        ConfigValidator.validate(config, key -> origins.getOrDefault(key, "default"));
        return config;
    }

    /** The file {@link #load} reads: the one named, else {@link #DEFAULT_FILE} if there is one, else none. */
    public static Optional<Path> fileToRead(Optional<Path> named) {
        return named.or(() -> Files.isRegularFile(DEFAULT_FILE) ? Optional.of(DEFAULT_FILE) : Optional.empty());
    }

    /** The environment variable that overrides a dotted key. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private void mergeFile(ObjectNode tree, Path file, Map<String, String> origins) {
        JsonNode read;
        try {
            read = yaml.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        if (read == null || read.isMissingNode() || read.isNull()) {
            return;
        }
        if (!read.isObject()) {
            throw new ConfigException(file + " must hold a mapping of keys to values");
        }
        merge(tree, (ObjectNode) read, "", file.toString(), origins);
    }

    private static void merge(ObjectNode into, ObjectNode from, String prefix, String file, Map<String, String> origins) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode known = into.get(field.getKey());
            if (known == null) {
                throw new ConfigException("unknown configuration key '" + key + "' in " + file
                        + "; known keys" + (prefix.isEmpty() ? "" : " under '" + prefix.substring(0, prefix.length() - 1) + "'")
                        + ": " + String.join(", ", fieldNames(into)));
            }
            if (known.isObject()) {
                if (!field.getValue().isObject()) {
                    throw new ConfigException("configuration key '" + key + "' in " + file + " must be a mapping of keys to values");
                }
                merge((ObjectNode) known, (ObjectNode) field.getValue(), key + ".", file, origins);
            } else if (known.isArray()) {
                if (!field.getValue().isArray() && !field.getValue().isNull()) {
                    throw new ConfigException("configuration key '" + key + "' in " + file + " must be a list");
                }
                into.set(field.getKey(), field.getValue().isNull() ? JsonNodeFactory.instance.arrayNode() : field.getValue());
                origins.put(key, file);
            } else {
                if (field.getValue().isContainerNode()) {
                    throw new ConfigException("configuration key '" + key + "' in " + file + " must be a single value");
                }
                into.set(field.getKey(), field.getValue().isNull() ? JsonNodeFactory.instance.textNode("") : field.getValue());
                origins.put(key, file);
            }
        }
    }

    private IotwatchConfig bind(ObjectNode tree, Map<String, String> origins) {
        try {
            return yaml.treeToValue(tree, IotwatchConfig.class);
        } catch (InvalidFormatException e) {
            String key = pathOf(e);
            throw new ConfigException("configuration key '" + key + "' (from " + origins.getOrDefault(key, "default") + "): '"
                    + e.getValue() + "' is not a valid " + describe(e.getTargetType()));
        } catch (MismatchedInputException e) {
            String key = pathOf(e);
            throw new ConfigException("configuration key '" + key + "' (from " + origins.getOrDefault(key, "default")
                    + "): expected " + describe(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw new ConfigException("invalid configuration: " + e.getOriginalMessage());
        }
    }

    private static String pathOf(MismatchedInputException e) {
        StringBuilder key = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return key.toString();
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class) {
            return "whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean (true or false)";
        }
        return type == null ? "value" : type.getSimpleName();
    }

    private static void collectLeaves(JsonNode node, String prefix, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            if (field.getValue().isObject()) {
                collectLeaves(field.getValue(), key + ".", out);
            } else if (!field.getValue().isArray()) {
                // lists come from the file only: an environment variable holds one value
                out.put(key, field.getValue().asText());
            }
        }
    }

    private static void set(ObjectNode tree, String key, String value) {
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
