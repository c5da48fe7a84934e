package vn.langnghe.intake.domain.clock;

import vn.langnghe.intake.clockdata.LegalClockData;

/** The clock built from the shipped data files: the rule tests check what the files say about the law. */
final class RealClock {

    static final LegalClock CLOCK = LegalClockData.load();

    private RealClock() {}
}
