package vn.langnghe.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code langnghe.reporting.*}. */
@ConfigMapping(prefix = "langnghe.reporting")
public interface ReportingConfig {

    /** Denunciation counts 1..(n-1) at ward level are not shown (docs/metrics.md). */
    @WithDefault("5")
    int suppressBelow();
}
