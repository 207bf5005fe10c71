package io.iotwatch.detect.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads LightGBM's text model format (what {@code save_model} writes, from Python, the CLI or the C API) into a
 * {@link Forest}. Every count and index is checked against the others before the forest exists, so a damaged
 * or hostile file is refused with the line at fault, never a crash or an endless loop at prediction time.
 *
 * <p>Supported: numerical splits with any missing-value handling, the objectives {@code multiclass},
 * {@code multiclassova} and {@code binary}, and random-forest averaging. Refused with a message: categorical
 * splits and linear trees, which iotwatch's features never produce.
 */
public final class LightGbmText {

    private static final int DECISION_CATEGORICAL = 1;
    private static final int DECISION_DEFAULT_LEFT = 2;

    private LightGbmText() {}

    /** The model in {@code text}. */
    public static Forest parse(String text) {
        return new Reader(text).read();
    }

    /** A model file that cannot be used: says which line and why. */
    public static final class FormatException extends IllegalArgumentException {
        FormatException(String message) {
            super(message);
        }
    }

    private static final class Reader {
        private final String[] lines;
        private int next;

        Reader(String text) {
            this.lines = text.split("\r?\n", -1);
        }

        Forest read() {
            Map<String, String> header = block("header");
            if (!"tree".equals(lines.length == 0 ? "" : lines[0].strip())) {
                throw new FormatException("not a LightGBM text model: the first line is not 'tree'");
            }
            int maxFeature = integer(header, "max_feature_idx", 0, 1 << 20);
            int classes = header.containsKey("num_class") ? integer(header, "num_class", 1, 1 << 16) : 1;
            int perIteration = header.containsKey("num_tree_per_iteration")
                    ? integer(header, "num_tree_per_iteration", 1, 1 << 16) : classes;
            String objectiveLine = header.getOrDefault("objective", "");
            Forest.Objective objective = objective(objectiveLine, classes, perIteration);
            double sigmoid = sigmoid(objectiveLine);
            int features = maxFeature + 1;
            List<String> names = header.containsKey("feature_names")
                    ? List.of(header.get("feature_names").strip().split(" ")) : List.of();
            if (!names.isEmpty() && names.size() != features) {
                throw new FormatException("feature_names lists " + names.size() + " names, max_feature_idx says "
                        + features);
            }

            List<Map<String, String>> trees = new ArrayList<>();
            while (next < lines.length) {
                String line = lines[next].strip();
                if (line.startsWith("Tree=")) {
                    int at = next + 1;
                    next++;
                    Map<String, String> tree = block("tree at line " + at);
                    tree.put("@line", Integer.toString(at));
                    trees.add(tree);
                } else if (line.equals("end of trees")) {
                    break;
                } else {
                    next++;
                }
            }
            if (trees.isEmpty()) {
                throw new FormatException("the model has no trees");
            }
            if (trees.size() % perIteration != 0) {
                throw new FormatException(trees.size() + " trees are not a whole number of rounds of "
                        + perIteration);
            }
            List<Forest.Tree> parsed = new ArrayList<>(trees.size());
            for (int t = 0; t < trees.size(); t++) {
                parsed.add(tree(trees.get(t), "tree " + t + " (line " + trees.get(t).get("@line") + ")", features));
            }
            int outputs = objective == Forest.Objective.BINARY ? 2 : classes;
            return new Forest(features, outputs, perIteration, objective, sigmoid, header.containsKey("average_output"),
                    parsed, names);
        }

        /**
         * One tree, checked so that its walks end at a leaf: features in range, each child after its parent
         * (which rules out cycles) and each node and leaf the child of one node only (so the nodes form a tree).
         */
        private static Forest.Tree tree(Map<String, String> tree, String where, int features) {
            if (tree.containsKey("is_linear") && !tree.get("is_linear").strip().equals("0")) {
                throw new FormatException(where + ": linear trees are not supported");
            }
            int leaves = integer(tree, "num_leaves", 1, Forest.MAX_LEAVES);
            double[] values = doubles(tree, "leaf_value", leaves, where);
            for (double value : values) {
                if (!Double.isFinite(value)) {
                    throw new FormatException(where + ": a leaf value is " + value);
                }
            }
            int splits = leaves - 1;
            if (splits == 0) {
                return new Forest.Tree(values, new int[0], new double[0], new byte[0], new boolean[0], new int[0],
                        new int[0]);
            }
            int[] feature = ints(tree, "split_feature", splits, where);
            double[] threshold = doubles(tree, "threshold", splits, where);
            int[] decision = ints(tree, "decision_type", splits, where);
            int[] left = ints(tree, "left_child", splits, where);
            int[] right = ints(tree, "right_child", splits, where);
            byte[] missing = new byte[splits];
            boolean[] defaultLeft = new boolean[splits];
            boolean[] nodeTaken = new boolean[splits];
            boolean[] leafTaken = new boolean[leaves];
            for (int i = 0; i < splits; i++) {
                if (feature[i] < 0 || feature[i] >= features) {
                    throw new FormatException(where + ": node " + i + " splits on feature " + feature[i] + " of "
                            + features);
                }
                if ((decision[i] & DECISION_CATEGORICAL) != 0) {
                    throw new FormatException(where + ": node " + i
                            + " is a categorical split, which is not supported");
                }
                defaultLeft[i] = (decision[i] & DECISION_DEFAULT_LEFT) != 0;
                missing[i] = (byte) ((decision[i] >> 2) & 3);
                if (missing[i] > Forest.MISSING_NAN) {
                    throw new FormatException(where + ": node " + i + " has an unknown missing type");
                }
                child(left[i], i, splits, leaves, nodeTaken, leafTaken, where);
                child(right[i], i, splits, leaves, nodeTaken, leafTaken, where);
            }
            return new Forest.Tree(values, feature, threshold, missing, defaultLeft, left, right);
        }

        /**
         * Checks a child reference. LightGBM numbers a tree's nodes in the order it split them, so an internal
         * child always comes after its parent.
         */
        private static void child(int reference, int node, int splits, int leaves, boolean[] nodeTaken,
                boolean[] leafTaken, String where) {
            boolean[] taken;
            int index;
            if (reference >= 0) {
                if (reference <= node || reference >= splits) {
                    throw new FormatException(where + ": node " + node + " has child node " + reference
                            + ", which is not after it among " + splits);
                }
                taken = nodeTaken;
                index = reference;
            } else {
                if (~reference >= leaves) {
                    throw new FormatException(where + ": node " + node + " has leaf " + ~reference + " of "
                            + leaves);
                }
                taken = leafTaken;
                index = ~reference;
            }
            if (taken[index]) {
                throw new FormatException(where + ": node " + node + " has child " + reference
                        + ", which is another node's child too");
            }
            taken[index] = true;
        }

        /** Lines of {@code key=value} up to the next blank line or tree header. */
        private Map<String, String> block(String what) {
            Map<String, String> values = new HashMap<>();
            while (next < lines.length) {
                String line = lines[next];
                if (line.isBlank() && !values.isEmpty()) {
                    break;
                }
                if (line.startsWith("Tree=") || line.strip().equals("end of trees")) {
                    break;
                }
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1));
                } else if (!line.isBlank() && !line.strip().equals("tree") && !line.strip().equals("average_output")) {
                    throw new FormatException("line " + (next + 1) + " of the " + what + " is not key=value: "
                            + abbreviate(line));
                } else if (line.strip().equals("average_output")) {
                    values.put("average_output", "");
                }
                next++;
            }
            return values;
        }

        private static Forest.Objective objective(String line, int classes, int perIteration) {
            String name = line.strip().split(" ")[0];
            Forest.Objective objective = switch (name) {
                case "multiclass", "softmax" -> Forest.Objective.SOFTMAX;
                case "multiclassova", "multiclass_ova", "ova", "ovr" -> Forest.Objective.ONE_VS_ALL;
                case "binary" -> Forest.Objective.BINARY;
                default -> throw new FormatException("objective '" + abbreviate(name)
                        + "' is not a classification objective iotwatch supports (multiclass, multiclassova, binary)");
            };
            if (objective == Forest.Objective.BINARY ? perIteration != 1 : perIteration != classes) {
                throw new FormatException("objective " + name + " with " + classes + " classes cannot have "
                        + perIteration + " trees per round");
            }
            return objective;
        }

        private static double sigmoid(String objectiveLine) {
            for (String part : objectiveLine.strip().split(" ")) {
                if (part.startsWith("sigmoid:")) {
                    double value = number(part.substring("sigmoid:".length()), "the objective's sigmoid");
                    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
                        throw new FormatException("the objective's sigmoid must be positive and finite: " + value);
                    }
                    return value;
                }
            }
            return 1;
        }

        private static int integer(Map<String, String> values, String key, int min, int max) {
            String text = values.get(key);
            if (text == null) {
                throw new FormatException("missing " + key);
            }
            try {
                int value = Integer.parseInt(text.strip());
                if (value < min || value > max) {
                    throw new FormatException(key + " must be within " + min + ".." + max + ": " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new FormatException(key + " is not a whole number: " + abbreviate(text));
            }
        }

        private static int[] ints(Map<String, String> tree, String key, int count, String where) {
            String[] parts = parts(tree, key, count, where);
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                try {
                    out[i] = Integer.parseInt(parts[i]);
                } catch (NumberFormatException e) {
                    throw new FormatException(where + ": " + key + " holds " + abbreviate(parts[i])
                            + ", not a whole number");
                }
            }
            return out;
        }

        private static double[] doubles(Map<String, String> tree, String key, int count, String where) {
            String[] parts = parts(tree, key, count, where);
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                out[i] = number(parts[i], where + " " + key);
            }
            return out;
        }

        private static String[] parts(Map<String, String> tree, String key, int count, String where) {
            String text = tree.get(key);
            if (text == null) {
                throw new FormatException(where + ": missing " + key);
            }
            String[] parts = text.strip().split(" ");
            if (parts.length != count) {
                throw new FormatException(where + ": " + key + " has " + parts.length + " values, needs " + count);
            }
            return parts;
        }

        /** A number as LightGBM writes it, infinities as {@code inf} and {@code -inf} (a threshold can be). */
        private static double number(String text, String what) {
            String clean = text.strip();
            String magnitude = clean.startsWith("-") || clean.startsWith("+") ? clean.substring(1) : clean;
            if (magnitude.equalsIgnoreCase("inf")) {
                return clean.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            try {
                double value = Double.parseDouble(clean);
                if (Double.isNaN(value)) {
                    throw new FormatException(what + " is NaN");
                }
                return value;
            } catch (NumberFormatException e) {
                throw new FormatException(what + " holds " + abbreviate(text) + ", not a number");
            }
        }

        private static String abbreviate(String text) {
            String clean = text.replaceAll("\\p{Cntrl}", "?");
            return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
        }
    }
}
