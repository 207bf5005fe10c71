package io.iotwatch.ml.train;

/**
 * How a model is trained; {@link #defaults()} documents the defaults.
 *
 * @param rounds          most boosting rounds (default 100)
 * @param earlyStopping   rounds without a better validation loss after which training stops (default 20)
 * @param validationShare share of each class held out for validation and early stopping (default 0.2); a
 *                        class with a single row is kept for training only
 * @param leaves          most leaves per tree (LightGBM's num_leaves, default 31)
 * @param learningRate    shrinkage of each tree (default 0.1)
 * @param minRowsInLeaf   fewest training rows in a leaf (LightGBM's min_data_in_leaf, default 20)
 * @param balanced        weigh each row by the square root of rows / (classes × rows of its class), so that
 *                        small classes count nearly as much as floods (default true); the root, because full
 *                        weights (a few thousand for a class of ten rows beside floods of 80,000) made
 *                        LightGBM's loss diverge after 40 rounds here
 * @param seed            seed of the split and of LightGBM, so that the same data gives the same model
 *                        (default 42)
 * @param threads         LightGBM's threads; 0 for its default, one per core (default 0)
 */
public record TrainingOptions(int rounds, int earlyStopping, double validationShare, int leaves, double learningRate,
        int minRowsInLeaf, boolean balanced, long seed, int threads) {

    public TrainingOptions {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
        }
        if (earlyStopping < 1) {
            throw new IllegalArgumentException("early stopping must be at least 1 round: " + earlyStopping);
        }
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new IllegalArgumentException("the validation share must be within [0, 1): " + validationShare);
        }
        if (leaves < 2) {
            throw new IllegalArgumentException("leaves must be at least 2: " + leaves);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("the learning rate must be within (0, 1]: " + learningRate);
        }
        if (minRowsInLeaf < 1) {
            throw new IllegalArgumentException("rows in a leaf must be at least 1: " + minRowsInLeaf);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative: " + threads);
        }
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(100, 20, 0.2, 31, 0.1, 20, true, 42, 0);
    }

    /**
     * LightGBM's parameters for a model of {@code classes} classes. {@code lambda_l2=1} keeps a leaf's value
     * finite where its rows are nearly all predicted already (their hessians near 0): without it the validation
     * loss here leapt from 0.01 to 17 within twenty rounds, as leaves of a few confident rows took huge values.
     */
    String lightGbmParameters(int classes) {
        return "objective=multiclass num_class=" + classes + " num_leaves=" + leaves + " learning_rate=" + learningRate
                + " lambda_l2=1 min_data_in_leaf=" + minRowsInLeaf + " seed=" + seed + " deterministic=true force_row_wise=true"
                + " metric=multi_logloss verbosity=-1" + (threads > 0 ? " num_threads=" + threads : "");
    }
}
