package vn.langnghe.testsupport;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** This module's tests only: Kafka clients print their whole configuration at INFO on every connect. */
public class QuietKafkaClients implements LauncherSessionListener {

    // Strong references: java.util.logging forgets the level of a collected logger.
    private static List<Logger> quieted;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        quieted = List.of(Logger.getLogger("org.apache.kafka"));
        quieted.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}
