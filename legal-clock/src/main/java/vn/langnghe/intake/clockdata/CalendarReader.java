package vn.langnghe.intake.clockdata;

import static vn.langnghe.intake.clockdata.Strict.date;
import static vn.langnghe.intake.clockdata.Strict.enumValue;
import static vn.langnghe.intake.clockdata.Strict.required;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.langnghe.intake.domain.clock.CalendarYear;
import vn.langnghe.intake.domain.clock.DayOff;
import vn.langnghe.intake.domain.clock.DayOffKind;
import vn.langnghe.intake.domain.clock.MakeUpWorkingDay;

/** Reads one {@code calendar/vn-<year>.json} into a {@link CalendarYear}. */
final class CalendarReader {

    private CalendarReader() {}

    static CalendarYear read(String json, String source) {
        LegalJson.CalendarYearJson file = Strict.read(json, LegalJson.CalendarYearJson.class, source);
        int year = required(file.year(), "year", source);
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        for (String day : required(file.weekendDays(), "weekendDays", source)) {
            weekend.add(enumValue(DayOfWeek.class, day, "weekend day", source));
        }
        List<DayOff> daysOff = new ArrayList<>();
        for (LegalJson.DayOffJson day : required(file.daysOff(), "daysOff", source)) {
            String at = source + ", day off " + day.date();
            try {
                daysOff.add(new DayOff(date(day.date(), "date", at),
                        enumValue(DayOffKind.class, day.kind(), "kind", at),
                        required(day.nameVi(), "nameVi", at)));
            } catch (IllegalArgumentException e) {
                throw new LegalDataException(at + ": " + e.getMessage(), e);
            }
        }
        List<MakeUpWorkingDay> makeUps = new ArrayList<>();
        if (file.makeUpWorkingDays() != null) {
            for (LegalJson.MakeUpDayJson day : file.makeUpWorkingDays()) {
                String at = source + ", make-up working day " + day.date();
                makeUps.add(new MakeUpWorkingDay(date(day.date(), "date", at), required(day.nameVi(), "nameVi", at)));
            }
        }
        try {
            return new CalendarYear(year, file.version(), weekend, daysOff, makeUps,
                    required(file.provisional(), "provisional", source), required(file.source(), "source", source));
        } catch (IllegalArgumentException e) {
            throw new LegalDataException(source + ": " + e.getMessage(), e);
        }
    }
}
