package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.ml.model.ModelDirectory;
import io.iotwatch.ml.model.ModelRowClassifier;
import java.io.IOException;

/** The classifier the configuration's {@code model} section names, for the packet path. */
final class Models {

    private Models() {}

    /** Whether the configuration runs a model at all. */
    static boolean enabled(IotwatchConfig config) {
        return !config.model().path().equals(IotwatchConfig.Model.NONE);
    }

    /**
     * A new classifier (one per packet thread), or null when {@code model.path} is {@code none} or detection is
     * off.
     *
     * @throws UserFacingException when the model cannot be loaded, naming the key and the file
     */
    static ModelRowClassifier classifier(IotwatchConfig config) {
        if (!enabled(config) || !config.detect().enabled()) {
            return null;
        }
        try {
            return new ModelRowClassifier(ModelDirectory.load(config.model().path()), config.model().threshold());
        } catch (IOException e) {
            throw new UserFacingException("model.path " + config.model().path() + ": " + e.getMessage()
                    + " (set model.path to a model directory, or to none to run without the classifier)", e);
        }
    }
}
