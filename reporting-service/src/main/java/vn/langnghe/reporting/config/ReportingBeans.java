package vn.langnghe.reporting.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import vn.langnghe.intake.clockdata.LegalClockData;
import vn.langnghe.intake.domain.clock.LegalClock;

/** The legal clock, from the same versioned data intake-service uses (ADR 0006). */
@ApplicationScoped
public class ReportingBeans {

    @Produces
    @Singleton
    LegalClock legalClock() {
        return LegalClockData.load();
    }
}
