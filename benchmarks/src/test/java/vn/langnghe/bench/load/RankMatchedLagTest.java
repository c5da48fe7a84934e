package vn.langnghe.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankMatchedLagTest {

    @Test
    void theKthCommittedEventIsVisibleAtTheFirstPollCountingK() {
        long[] commits = {100, 200, 300};
        long[] polls = {150, 250, 400, 500};
        long[] counts = {0, 1, 1, 3};
        assertThat(RankMatchedLag.lags(commits, polls, counts)).containsExactly(150, 300, 200);
    }

    @Test
    void anEventNeverCountedHasNoLag_andSeenBeforeItsAnswerCountsAsZero() {
        long[] commits = {100, 200};
        long[] polls = {90, 300};
        long[] counts = {1, 1};
        assertThat(RankMatchedLag.lags(commits, polls, counts)).containsExactly(0, -1);
    }
}
