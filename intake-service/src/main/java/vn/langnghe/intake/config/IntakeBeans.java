package vn.langnghe.intake.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import vn.langnghe.intake.clockdata.LegalClockData;
import vn.langnghe.intake.domain.clock.LegalClock;
import vn.langnghe.intake.domain.submission.SubmissionClocks;

/** The legal clock, loaded once from its versioned data files. */
@ApplicationScoped
public class IntakeBeans {

    @Produces
    @Singleton
    LegalClock legalClock() {
        return LegalClockData.load();
    }

    @Produces
    @Singleton
    SubmissionClocks submissionClocks(LegalClock clock) {
        return new SubmissionClocks(clock);
    }
}
