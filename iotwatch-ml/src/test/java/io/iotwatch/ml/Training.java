package io.iotwatch.ml;

import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import io.iotwatch.ml.train.NativeLightGbm;

/** Trains LightGBM models through lightgbm4j and returns them in LightGBM's text format. */
public final class Training {

    private Training() {}

    /**
     * A model of {@code rounds} rounds (fewer if LightGBM finds nothing left to split) on {@code sample}.
     * {@code parameters} are LightGBM's, for the dataset and the booster alike.
     */
    public static String train(SyntheticFlows.Sample sample, String parameters, int rounds) {
        NativeLightGbm.loadLibrary();
        try (LGBMDataset data = dataset(sample, parameters, null);
                LGBMBooster booster = LGBMBooster.create(data, parameters)) {
            for (int i = 0; i < rounds; i++) {
                if (booster.updateOneIter()) {
                    break;
                }
            }
            return booster.saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.SPLIT);
        } catch (LGBMException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A model trained for at most {@code rounds} rounds, cut back to the round with the lowest first metric
     * on {@code validation} once {@code patience} rounds pass without a new lowest.
     */
    public static String trainWithEarlyStopping(SyntheticFlows.Sample sample, SyntheticFlows.Sample validation,
            String parameters, int rounds, int patience) {
        NativeLightGbm.loadLibrary();
        try (LGBMDataset data = dataset(sample, parameters, null);
                LGBMDataset valid = dataset(validation, parameters, data);
                LGBMBooster booster = LGBMBooster.create(data, parameters)) {
            booster.addValidData(valid);
            double best = Double.POSITIVE_INFINITY;
            int bestRounds = 0;
            for (int i = 1; i <= rounds && i - bestRounds <= patience; i++) {
                if (booster.updateOneIter()) {
                    break;
                }
                double metric = booster.getEval(1)[0];
                if (metric < best) {
                    best = metric;
                    bestRounds = i;
                }
            }
            return booster.saveModelToString(0, bestRounds, LGBMBooster.FeatureImportanceType.SPLIT);
        } catch (LGBMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LGBMDataset dataset(SyntheticFlows.Sample sample, String parameters, LGBMDataset reference)
            throws LGBMException {
        LGBMDataset data = LGBMDataset.createFromMat(sample.values(), sample.rows(), sample.columns(), true,
                parameters, reference);
        data.setField("label", sample.floatLabels());
        return data;
    }
}
