package vn.langnghe.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code langnghe.reporting.*}. */
@ConfigMapping(prefix = "langnghe.reporting")
public interface ReportingConfig {

    /** Denunciation counts 1..(n-1) at ward level are not shown (docs/metrics.md). */
    @WithDefault("5")
    int suppressBelow();

    /**
     * A report statement running longer is cancelled and answered 503 "report too slow"; kept below the
     * connection's socket timeout (application.properties), which would otherwise end it as a lost database.
     */
    @WithDefault("120s")
    Duration queryTimeout();
}
