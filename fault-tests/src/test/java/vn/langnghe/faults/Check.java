package vn.langnghe.faults;

import java.util.Map;

/**
 * One verdict of a fault run: what was checked, whether it held, the numbers behind it, and the figures it adds
 * to the run's totals ({@link #LOST}, {@link #DUPLICATES_APPLIED}).
 */
record Check(String name, boolean passed, String detail, Map<String, Long> figures) {

    static final String LOST = "lost";
    static final String DUPLICATES_APPLIED = "duplicates applied";
    static final String DUPLICATES_PUBLISHED = "extra copies on Kafka";

    Check {
        figures = Map.copyOf(figures);
    }

    static Check of(String name, boolean passed, String detail) {
        return new Check(name, passed, detail, Map.of());
    }

    Check with(String figure, long value) {
        Map<String, Long> more = new java.util.HashMap<>(figures);
        more.put(figure, value);
        return new Check(name, passed, detail, more);
    }
}
