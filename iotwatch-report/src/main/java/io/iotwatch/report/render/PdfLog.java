package io.iotwatch.report.render;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's messages through SLF4J, as everything else logs, instead of its own console handler: under
 * {@code com.openhtmltopdf.<where>}, its INFO (a line per font loaded) as DEBUG.
 */
final class PdfLog implements XRLogger {

    private PdfLog() {}

    /** Routes openhtmltopdf's logging; idempotent. */
    static synchronized void install() {
        if (!(XRLog.getLoggerImpl() instanceof PdfLog)) {
            XRLog.setLoggerImpl(new PdfLog());
        }
    }

    @Override
    public void log(String where, Level level, String message) {
        LoggerFactory.getLogger("com.openhtmltopdf." + where).atLevel(slf4j(level)).log(message);
    }

    @Override
    public void log(String where, Level level, String message, Throwable cause) {
        LoggerFactory.getLogger("com.openhtmltopdf." + where).atLevel(slf4j(level)).setCause(cause).log(message);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are the logging configuration's to set
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger("com.openhtmltopdf." + diagnostic.getLogMessageId().getWhere());
        return logger.isEnabledForLevel(slf4j(diagnostic.getLevel()));
    }

    private static org.slf4j.event.Level slf4j(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return org.slf4j.event.Level.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return org.slf4j.event.Level.WARN;
        }
        return value >= Level.INFO.intValue() ? org.slf4j.event.Level.DEBUG : org.slf4j.event.Level.TRACE;
    }
}
