package vn.langnghe.intake.clockdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.intake.domain.clock.CalendarYear;
import vn.langnghe.intake.domain.clock.ClockPhase;
import vn.langnghe.intake.domain.clock.DayOff;
import vn.langnghe.intake.domain.clock.LegalClock;

/** The shipped data files load and say what the calendar and the law say. */
class LegalClockDataTest {

    private static final LegalClock CLOCK = LegalClockData.load();

    static Stream<Integer> years() {
        return IntStream.rangeClosed(2018, 2027).boxed();
    }

    @Test
    void givenTheShippedData_whenLoaded_thenRulesV1AndTheYears2018To2027AreInForce() {
        assertThat(CLOCK.calendar().firstYear()).isEqualTo(2018);
        assertThat(CLOCK.calendar().lastYear()).isEqualTo(2027);
        assertThat(CLOCK.version()).startsWith("deadline-rules.v1|vn-2018.v1+vn-2019.v1+").endsWith("+vn-2027.v1");
        assertThat(CLOCK.calendar().provisionalYears()).containsExactly(2026, 2027);
    }

    @Test
    void givenTheShippedRules_whenLoaded_thenEveryKindExceptTipHasAResolutionRule() {
        for (SubmissionKind kind : SubmissionKind.values()) {
            assertThat(CLOCK.rules().rule(kind, ClockPhase.RESOLUTION).isPresent()).as(kind.name())
                    .isEqualTo(kind != SubmissionKind.TIP);
        }
    }

    @Test
    void givenTheCalendarFolder_whenListed_thenEveryYearFileIsInTheIndex() throws IOException, URISyntaxException {
        Path folder = Path.of(LegalClockData.class.getClassLoader().getResource("legal/calendar").toURI());
        List<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("vn-")).sorted().toList();
        }

        assertThat(files).hasSize(10);
        assertThat(CLOCK.calendar().years()).hasSize(files.size());
    }

    @ParameterizedTest
    @MethodSource("years")
    void givenAYear_whenItsDaysOffAreRead_thenTheFixedHolidaysAreDaysOff(int year) {
        for (String monthDay : List.of("-01-01", "-04-30", "-05-01", "-09-02")) {
            assertThat(daysOff(year).stream().map(DayOff::date)).contains(LocalDate.parse(year + monthDay));
        }
        assertThat(named(year, "Giỗ Tổ Hùng Vương")).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("years")
    void givenAYear_whenItsTetDaysAreCounted_thenFiveWeekdaysAreOffAsTheLabourCodeGrants(int year) {
        assertThat(named(year, "Tết Nguyên đán"))
                .filteredOn(d -> d.date().getDayOfWeek().getValue() <= 5)
                .hasSize(5);
    }

    @ParameterizedTest
    @MethodSource("years")
    void givenAYear_whenQuocKhanhDaysAreCounted_thenTheAdjacentDayExistsFrom2021(int year) {
        assertThat(named(year, "Quốc khánh")).filteredOn(d -> d.kind().name().equals("PUBLIC_HOLIDAY"))
                .hasSize(year >= 2021 ? 2 : 1);
    }

    @ParameterizedTest
    @MethodSource("years")
    void givenAYear_whenItsSourceIsRead_thenItAsksForConfirmationAgainstTheNotice(int year) {
        CalendarYear calendarYear = CLOCK.calendar().years().get(year);
        assertThat(calendarYear.source()).containsIgnoringCase("confirm");
        assertThat(calendarYear.makeUpWorkingDays()).allSatisfy(
                m -> assertThat(m.date().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY));
    }

    @Test
    void givenTheSwapAroundNewYear2019_whenChecked_thenTheMondayIsOffAndTheSaturdayIsWorked() {
        assertThat(CLOCK.calendar().isWorkingDay(LocalDate.parse("2018-12-31"))).isFalse();
        assertThat(CLOCK.calendar().isWorkingDay(LocalDate.parse("2019-01-05"))).isTrue();
    }

    private static List<DayOff> daysOff(int year) {
        return CLOCK.calendar().years().get(year).daysOff();
    }

    private static List<DayOff> named(int year, String prefix) {
        return daysOff(year).stream().filter(d -> d.nameVi().startsWith(prefix)).toList();
    }
}
