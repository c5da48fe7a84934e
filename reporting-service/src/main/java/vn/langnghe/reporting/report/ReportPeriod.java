package vn.langnghe.reporting.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.langnghe.servicekit.problem.InvalidInput;

/** An inclusive range of Vietnamese calendar days: a year, a half-year, a quarter, a month or custom. */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_YEARS = 10;
    private static final Pattern NAMED = Pattern.compile("^(\\d{4})(?:-(H[12]|Q[1-4]|\\d{2}))?$");

    /** From {@code period=} or {@code from=}/{@code to=}; exactly one of the two forms. */
    public static ReportPeriod parse(String period, String from, String to) {
        boolean named = period != null && !period.isBlank();
        boolean custom = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        if (named && custom) {
            throw new InvalidInput("period", "give either period or from and to, not both");
        }
        if (named) {
            return named(period.strip());
        }
        if (!custom) {
            throw new InvalidInput("period", "is required: e.g. 2022-H1, 2022, 2022-Q3, 2022-07, or from and to");
        }
        LocalDate start = day("from", from);
        LocalDate end = day("to", to);
        return checked(start, end);
    }

    public static ReportPeriod named(String period) {
        Matcher m = NAMED.matcher(period);
        if (!m.matches()) {
            throw new InvalidInput("period", "must be yyyy, yyyy-H1, yyyy-H2, yyyy-Q1..Q4 or yyyy-MM");
        }
        int year = Integer.parseInt(m.group(1));
        String part = m.group(2);
        if (part == null) {
            return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if (part.startsWith("H")) {
            int half = part.charAt(1) - '0';
            LocalDate start = LocalDate.of(year, half == 1 ? 1 : 7, 1);
            return new ReportPeriod(start, start.plusMonths(6).minusDays(1));
        }
        if (part.startsWith("Q")) {
            int quarter = part.charAt(1) - '0';
            LocalDate start = LocalDate.of(year, 3 * quarter - 2, 1);
            return new ReportPeriod(start, start.plusMonths(3).minusDays(1));
        }
        int month = Integer.parseInt(part);
        if (month < 1 || month > 12) {
            throw new InvalidInput("period", "month must be 01..12");
        }
        YearMonth ym = YearMonth.of(year, month);
        return new ReportPeriod(ym.atDay(1), ym.atEndOfMonth());
    }

    private static ReportPeriod checked(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new InvalidInput("to", "must not be before from");
        }
        if (start.plusYears(MAX_YEARS).isBefore(end)) {
            throw new InvalidInput("to", "a period is at most " + MAX_YEARS + " years");
        }
        return new ReportPeriod(start, end);
    }

    public static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(name, "is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "must be an ISO date such as 2019-06-30");
        }
    }
}
