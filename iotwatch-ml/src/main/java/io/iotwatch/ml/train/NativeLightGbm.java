package io.iotwatch.ml.train;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import com.microsoft.ml.lightgbm.lightgbmlibConstants;
import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * LightGBM's own prediction, through its C API, for a model in text form: the reference that iotwatch's
 * pure-Java forest is checked against, and the peer it is measured against. lightgbm4j's
 * {@code predictForMat} sizes its output for one value per row, which overflows for more than two classes;
 * this calls the C function directly with a buffer sized by {@code LGBM_BoosterCalcNumPredict}. Not
 * thread-safe; close it to free the native booster.
 */
public final class NativeLightGbm implements AutoCloseable {

    private static final String TMPDIR = "java.io.tmpdir";
    private static boolean loaded;

    private final SWIGTYPE_p_p_void handleOut;
    private final SWIGTYPE_p_void handle;
    private final int classes;
    private final String parameters;
    private boolean closed;

    /**
     * Loads the model; the native library is extracted from lightgbm4j's jar on first use. Predictions use
     * OpenMP's default number of threads (one per core).
     */
    public NativeLightGbm(String modelText) {
        this(modelText, 0);
    }

    /**
     * Loads the model for predictions on {@code threads} threads (LightGBM's {@code num_threads}; 0 for OpenMP's
     * default): 1 measures LightGBM on one core.
     */
    public NativeLightGbm(String modelText, int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be at least 0: " + threads);
        }
        parameters = threads == 0 ? "" : "num_threads=" + threads;
        loadLibrary();
        handleOut = lightgbmlib.new_voidpp();
        SWIGTYPE_p_int iterations = lightgbmlib.new_intp();
        try {
            check(lightgbmlib.LGBM_BoosterLoadModelFromString(modelText, iterations, handleOut), "load the model");
        } finally {
            lightgbmlib.delete_intp(iterations);
        }
        handle = lightgbmlib.voidpp_value(handleOut);
        SWIGTYPE_p_int count = lightgbmlib.new_intp();
        try {
            check(lightgbmlib.LGBM_BoosterGetNumClasses(handle, count), "count the classes");
            classes = lightgbmlib.intp_value(count);
        } finally {
            lightgbmlib.delete_intp(count);
        }
    }

    /** What the model predicts per row: its number of classes (1 for a binary model). */
    public int classes() {
        return classes;
    }

    /**
     * Class probabilities (or raw scores) of {@code rows} rows of {@code columns} doubles, row-major: {@code
     * rows * classes()} values, row by row.
     */
    public double[] predict(double[] matrix, int rows, int columns, boolean raw) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (matrix.length < (long) rows * columns) {
            throw new IllegalArgumentException(rows + " rows of " + columns + " need " + (long) rows * columns
                    + " values, have " + matrix.length);
        }
        int type = raw ? lightgbmlibConstants.C_API_PREDICT_RAW_SCORE : lightgbmlibConstants.C_API_PREDICT_NORMAL;
        SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
        SWIGTYPE_p_double input = lightgbmlib.new_doubleArray((long) rows * columns);
        SWIGTYPE_p_double output = null;
        try {
            check(lightgbmlib.LGBM_BoosterCalcNumPredict(handle, rows, type, 0, -1, length), "size the prediction");
            long expected = lightgbmlib.int64_tp_value(length);
            output = lightgbmlib.new_doubleArray(expected);
            for (long i = 0; i < (long) rows * columns; i++) {
                lightgbmlib.doubleArray_setitem(input, i, matrix[(int) i]);
            }
            check(lightgbmlib.LGBM_BoosterPredictForMat(handle, lightgbmlib.double_to_voidp_ptr(input),
                    lightgbmlibConstants.C_API_DTYPE_FLOAT64, rows, columns, 1, type, 0, -1, parameters, length,
                    output), "predict");
            long written = lightgbmlib.int64_tp_value(length);
            if (written != expected) {
                throw new IllegalStateException("LightGBM wrote " + written + " values, " + expected + " expected");
            }
            double[] out = new double[Math.toIntExact(written)];
            for (int i = 0; i < out.length; i++) {
                out[i] = lightgbmlib.doubleArray_getitem(output, i);
            }
            return out;
        } finally {
            lightgbmlib.delete_int64_tp(length);
            lightgbmlib.delete_doubleArray(input);
            if (output != null) {
                lightgbmlib.delete_doubleArray(output);
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            lightgbmlib.LGBM_BoosterFree(handle);
            lightgbmlib.delete_voidpp(handleOut);
        }
    }

    /**
     * Loads LightGBM's native libraries once per process; call it before touching any lightgbm4j class.
     * lightgbm4j extracts them under fixed names into {@code java.io.tmpdir} whenever one of its classes is first
     * used, so two processes starting at once overwrite a library the other has mapped, and that one dies of
     * SIGBUS (seen here: a training run killed by a test run). Here each process extracts into a folder of its
     * own, removed once the libraries are loaded (a loaded library needs no file).
     */
    public static synchronized void loadLibrary() {
        if (loaded) {
            return;
        }
        String shared = System.getProperty(TMPDIR);
        Path own = null;
        try {
            own = Files.createTempDirectory("iotwatch-lightgbm-");
            System.setProperty(TMPDIR, own.toString());
            LGBMBooster.loadNative();
            loaded = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load LightGBM's native library", e);
        } finally {
            System.setProperty(TMPDIR, shared);
            if (own != null) {
                removeQuietly(own);
            }
        }
    }

    private static void removeQuietly(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // A leftover folder in the temporary directory harms nothing.
        }
    }

    static void check(int status, String what) {
        if (status != 0) {
            throw new IllegalStateException("LightGBM could not " + what + ": " + lightgbmlib.LastErrorMsg());
        }
    }
}
