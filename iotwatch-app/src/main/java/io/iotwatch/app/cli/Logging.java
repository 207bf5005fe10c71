package io.iotwatch.app.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.iotwatch.app.config.IotwatchConfig;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Points Logback at the configured data directory and level: the console gets warnings and errors
 * (it carries the commands' own output), the rolling file under {@code DATA_DIR/logs} gets everything
 * at the configured level.
 */
final class Logging {
    private Logging() {}

    static void start(IotwatchConfig config) {
        System.setProperty("iotwatch.log.dir", config.dataPath().resolve("logs").toString());
        System.setProperty("iotwatch.log.level", config.log().level().toLowerCase(Locale.ROOT));
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            // Logback started console-only before the data directory was known: now add the file.
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(Logging.class.getResource("/logback-iotwatch.xml"));
            } catch (JoranException e) {
                System.err.println("iotwatch: logging configuration failed: " + e.getMessage());
            }
        }
    }
}
