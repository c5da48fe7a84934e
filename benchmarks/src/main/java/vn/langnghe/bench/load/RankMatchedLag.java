package vn.langnghe.bench.load;

/**
 * Event-to-projection lag from counts: the k-th event committed (in commit-time order) is taken to be visible
 * from the first poll of the report that counted at least k of the burst's events. Polls are timed at their
 * answer, so a lag is at most one poll's duration too long, never too short.
 */
public final class RankMatchedLag {

    private RankMatchedLag() {
    }

    /**
     * @param commitNanosSorted commit times of the burst's events, ascending
     * @param pollNanos         answer times of the polls, ascending
     * @param pollCounts        the burst's events counted by each poll
     * @return lag per event in nanoseconds; -1 for an event never seen
     */
    public static long[] lags(long[] commitNanosSorted, long[] pollNanos, long[] pollCounts) {
        if (pollNanos.length != pollCounts.length) {
            throw new IllegalArgumentException("one count per poll");
        }
        long[] lags = new long[commitNanosSorted.length];
        int poll = 0;
        for (int k = 0; k < commitNanosSorted.length; k++) {
            while (poll < pollNanos.length && pollCounts[poll] < k + 1) {
                poll++;
            }
            lags[k] = poll == pollNanos.length ? -1 : Math.max(0, pollNanos[poll] - commitNanosSorted[k]);
        }
        return lags;
    }
}
