package vn.langnghe.reporting.rest;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.intake.domain.clock.LegalDates;
import vn.langnghe.reporting.report.Csv;
import vn.langnghe.reporting.report.ReportPeriod;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.security.Caller;
import vn.langnghe.servicekit.security.Roles;

/**
 * What an analyst may ask: a unit within the unit of their token ({@code unit_id}), on the period's last day
 * or today, or on the unit's last day if it was dissolved. An admin may ask
 * any unit; without a unit the caller's own (an admin's default: BCA).
 */
@RequestScoped
public class ReportAccess {

    static final String ROOT = "BCA";

    private final Caller caller;
    private final UnitTree units;
    private final Clock clock;

    ReportAccess(Caller caller, UnitTree units, Clock clock) {
        this.caller = caller;
        this.units = units;
        this.clock = clock;
    }

    public String unit(String requested, LocalDate periodEnd) {
        boolean admin = caller.hasRole(Roles.ADMIN);
        String own = caller.unitId().filter(code -> units.find(code).isPresent()).orElse(null);
        if (!admin && own == null) {
            throw new ForbiddenException("an analyst's token must name a known unit");
        }
        String unit = requested == null || requested.isBlank() ? (own != null ? own : ROOT) : requested.strip();
        if (units.find(unit).isEmpty()) {
            throw new InvalidInput("unit", "unknown unit code '" + unit + "' in " + units.version());
        }
        LocalDate lastDay = units.unit(unit).validTo();
        if (!admin && !within(unit, own, periodEnd) && !within(unit, own, today())
                && !(lastDay != null && within(unit, own, lastDay))) {
            throw new ForbiddenException("unit " + unit + " is outside the caller's unit " + own);
        }
        return unit;
    }

    private boolean within(String unit, String ancestor, LocalDate day) {
        return units.pathOf(unit, day).contains(ancestor);
    }

    public UnitTree units() {
        return units;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LegalDates.VIETNAM));
    }

    /** An instant, or a date meaning the end of that Vietnamese day; null when absent. */
    public static Instant asRecordedAt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return v.length() == 10 ? LocalDate.parse(v).plusDays(1).atStartOfDay(LegalDates.VIETNAM).toInstant()
                    .minusNanos(1000) : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("asRecordedAt", "must be an ISO instant (2022-07-15T00:00:00Z) or date (2022-07-15)");
        }
    }

    /** The backlog day: {@code asOf}, else the period's last day. */
    public static LocalDate asOf(String value, ReportPeriod period) {
        return value == null || value.isBlank() ? period.to() : ReportPeriod.day("asOf", value);
    }

    /** CSV when {@code format=csv} or the Accept header prefers text/csv. */
    public static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidInput("format", "must be json or csv");
            };
        }
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(t -> t.isCompatible(MediaType.valueOf("text/csv")) && !t.isWildcardType()).orElse(false);
    }

    public static Response csv(byte[] body, String filename) {
        return Response.ok(body, Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
