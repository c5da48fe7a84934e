package vn.langnghe.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    @Test
    void requestsAreEvenlySpacedFromTheStart_whateverTheAnswers() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 200, 5);
        assertThat(schedule.intendedNanos(0)).isEqualTo(1_000);
        assertThat(schedule.intendedNanos(1)).isEqualTo(1_000 + 5_000_000);
        assertThat(schedule.intendedNanos(4)).isEqualTo(1_000 + 20_000_000);
        assertThat(schedule.endNanos()).isEqualTo(schedule.intendedNanos(4));
    }

    @Test
    void aDurationGivesRateTimesSecondsRequests_withoutDrift() {
        OpenLoopSchedule schedule = OpenLoopSchedule.forDuration(0, 333, 10);
        assertThat(schedule.count()).isEqualTo(3330);
        // request 333 is due exactly one second in: no accumulated rounding
        assertThat(schedule.intendedNanos(333)).isEqualTo(1_000_000_000L);
        assertThat(schedule.intendedNanos(3329)).isEqualTo(Math.round(3329 * 1e9 / 333));
    }

    @Test
    void fractionalRates() {
        OpenLoopSchedule schedule = OpenLoopSchedule.forDuration(0, 0.5, 10);
        assertThat(schedule.count()).isEqualTo(5);
        assertThat(schedule.intendedNanos(1)).isEqualTo(2_000_000_000L);
    }

    @Test
    void refusesNonPositiveRatesAndIndexesOutside() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 10, 3);
        assertThatThrownBy(() -> schedule.intendedNanos(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> schedule.intendedNanos(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
