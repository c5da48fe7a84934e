package vn.langnghe.intake.clockdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.langnghe.intake.domain.clock.CalendarYear;
import vn.langnghe.intake.domain.clock.DeadlineRules;
import vn.langnghe.intake.domain.clock.LegalClock;
import vn.langnghe.intake.domain.clock.WorkingDayCalendar;

/**
 * Loads the legal clock from the versioned data under {@code legal/} on the classpath: the deadline rules
 * and every calendar year listed in {@code legal/calendar/index.json} (ADR 0006). Fails fast with a message
 * naming the file and entry when anything is malformed.
 */
public final class LegalClockData {

    /** The rules file in force; a new version of the rules is a new file and a new constant. */
    public static final String RULES = "deadline-rules.v1.json";
    public static final String CALENDAR_INDEX = "calendar/index.json";

    /** Opens a file by its path relative to {@code legal/}; null when there is none. */
    @FunctionalInterface
    public interface Source {
        InputStream open(String relativePath) throws IOException;
    }

    private LegalClockData() {}

    /** The legal clock from the data shipped with the service. */
    public static LegalClock load() {
        ClassLoader loader = LegalClockData.class.getClassLoader();
        return load(path -> loader.getResourceAsStream("legal/" + path));
    }

    public static LegalClock load(Source source) {
        DeadlineRules rules = RulesReader.read(text(source, RULES), "legal/" + RULES);
        return new LegalClock(rules, calendar(source));
    }

    static WorkingDayCalendar calendar(Source source) {
        String indexName = "legal/" + CALENDAR_INDEX;
        LegalJson.CalendarIndex index = Strict.read(text(source, CALENDAR_INDEX), LegalJson.CalendarIndex.class, indexName);
        List<CalendarYear> years = new ArrayList<>();
        for (String file : Strict.required(index.files(), "files", indexName)) {
            years.add(CalendarReader.read(text(source, "calendar/" + file), "legal/calendar/" + file));
        }
        try {
            return WorkingDayCalendar.of(years);
        } catch (IllegalArgumentException e) {
            throw new LegalDataException(indexName + ": " + e.getMessage(), e);
        }
    }

    private static String text(Source source, String relativePath) {
        try (InputStream in = source.open(relativePath)) {
            if (in == null) {
                throw new LegalDataException("legal/" + relativePath + ": file not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read legal/" + relativePath, e);
        }
    }
}
