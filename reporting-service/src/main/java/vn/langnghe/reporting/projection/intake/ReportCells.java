package vn.langnghe.reporting.projection.intake;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.langnghe.contracts.ContractRegistry;
import vn.langnghe.contracts.Topics;
import vn.langnghe.contracts.events.DeadlineExtended;
import vn.langnghe.contracts.events.SubmissionAccepted;
import vn.langnghe.contracts.events.SubmissionConcluded;
import vn.langnghe.contracts.events.SubmissionReceived;
import vn.langnghe.contracts.events.TipRatedValuable;
import vn.langnghe.contracts.events.VerificationStarted;

/**
 * What one submission adds to the intake report's counts, as cells the projection keeps summed (ADR 0012), so
 * that a report sums a few thousand cells instead of visiting every fact of its period.
 *
 * <p>A submission's contribution, given the facts recorded so far, is what the report would count for it: each
 * fact's figures at the fact's unit, effective day and channel, under the submission's latest kind;
 * {@code receivedMergedAway} on its received fact once it was merged; one {@code fact:<event type>} cell per fact
 * (for "recorded later"); and for the backlog, {@code open} cells that say from which day (+1) to which day (−1)
 * the submission counts as open, with the clock that day. Applying an event writes the difference between the
 * contributions after and before it, stamped with the event's recorded time.
 */
public final class ReportCells {

    /** The backlog figure: cells whose running sum over days up to D is what is open at D. */
    public static final String OPEN = "open";
    /** Pseudo-figures counting facts by event type, kept for "recorded after the instant". */
    public static final String FACT = "fact:";
    /** Kind and channel of the pseudo-figures: a reclassification does not move them. */
    public static final String ANY = "*";

    /** One report cell. {@code clockStart} and {@code nextDue} are set on {@link #OPEN} cells only. */
    public record Cell(String unit, LocalDate day, String figure, String kind, String channel, LocalDate clockStart,
            LocalDate nextDue) {}

    /** What the report reads of one fact row of {@code intake_facts}. */
    public record Fact(long version, String eventType, LocalDate effectiveOn, String unit, String kind,
            String channel, String status, LocalDate clockStart, LocalDate nextDue, boolean resolves,
            String timeliness, String outcome) {}

    private static final Map<String, String> EVENT_FIGURES = Map.of(
            SubmissionReceived.TYPE, "received",
            SubmissionAccepted.TYPE, "accepted",
            VerificationStarted.TYPE, "verificationStarted",
            SubmissionConcluded.TYPE, "concluded",
            DeadlineExtended.TYPE, "extended",
            TipRatedValuable.TYPE, "ratedValuable");
    private static final Map<String, String> TIMELINESS_FIGURES = Map.of(
            "EARLY", "early", "ON_TIME", "onTime", "LATE", "late");
    private static final Map<String, String> OUTCOME_FIGURES = Map.of(
            "ANSWERED", "answered", "TRANSFERRED", "transferred", "NOT_ACCEPTED", "notAccepted",
            "WITHDRAWN", "withdrawn", "MERGED", "merged");

    /** Every figure a period is counted by: event figures, outcomes, resolutions and the {@code fact:} cells. */
    public static final List<String> PERIOD_FIGURES = periodFigures();

    private ReportCells() {}

    private static List<String> periodFigures() {
        Set<String> figures = new TreeSet<>(EVENT_FIGURES.values());
        figures.addAll(TIMELINESS_FIGURES.values());
        figures.addAll(OUTCOME_FIGURES.values());
        figures.addAll(List.of("receivedMergedAway", "resolved", "withoutDeadline"));
        ContractRegistry.standard().all().stream()
                .filter(c -> Topics.INTAKE_SUBMISSION_EVENTS.equals(c.kafkaTopic()))
                .forEach(c -> figures.add(FACT + c.typeName()));
        return List.copyOf(figures);
    }

    /** The contribution of a submission whose recorded facts are {@code facts} (any order); no zero counts. */
    public static Map<Cell, Long> contribution(List<Fact> facts) {
        Map<Cell, Long> cells = new HashMap<>();
        if (facts.isEmpty()) {
            return cells;
        }
        Fact latest = facts.stream().max(Comparator.comparingLong(Fact::version)).orElseThrow();
        String kind = latest.kind();
        boolean merged = facts.stream().anyMatch(f -> "MERGED".equals(f.outcome()));
        for (Fact f : facts) {
            addFigure(cells, f, EVENT_FIGURES.get(f.eventType()), kind);
            if (merged && SubmissionReceived.TYPE.equals(f.eventType())) {
                addFigure(cells, f, "receivedMergedAway", kind);
            }
            if (f.resolves()) {
                addFigure(cells, f, "resolved", kind);
                addFigure(cells, f, f.timeliness() == null ? "withoutDeadline"
                        : TIMELINESS_FIGURES.getOrDefault(f.timeliness(), "withoutDeadline"), kind);
            }
            addFigure(cells, f, f.outcome() == null ? null : OUTCOME_FIGURES.get(f.outcome()), kind);
            add(cells, new Cell(f.unit(), f.effectiveOn(), FACT + f.eventType(), ANY, ANY, null, null), 1);
        }
        addBacklog(cells, facts);
        return cells;
    }

    /** {@code after − before}, without zeros. */
    public static Map<Cell, Long> delta(Map<Cell, Long> before, Map<Cell, Long> after) {
        Map<Cell, Long> delta = new HashMap<>(after);
        before.forEach((cell, n) -> add(delta, cell, -n));
        return delta;
    }

    private static void addFigure(Map<Cell, Long> cells, Fact f, String figure, String kind) {
        if (figure != null) {
            add(cells, new Cell(f.unit(), f.effectiveOn(), figure, kind, f.channel(), null, null), 1);
        }
    }

    /**
     * The backlog at day D counts the submission by its last fact (highest version) dated on or before D, when
     * that fact left it open. Effective dates need not follow versions, so walk the days in order and keep the
     * highest version seen: each time it changes, the old fact stops counting that day and the new one starts.
     */
    private static void addBacklog(Map<Cell, Long> cells, List<Fact> facts) {
        List<Fact> byDay = facts.stream()
                .sorted(Comparator.comparing(Fact::effectiveOn).thenComparingLong(Fact::version)).toList();
        Fact last = null;
        for (Fact f : byDay) {
            if (last != null && f.version() < last.version()) {
                continue;
            }
            if (last != null && IntakeProjection.Status.OPEN.equals(last.status())) {
                add(cells, openCell(last, f.effectiveOn()), -1);
            }
            if (IntakeProjection.Status.OPEN.equals(f.status())) {
                add(cells, openCell(f, f.effectiveOn()), 1);
            }
            last = f;
        }
    }

    private static Cell openCell(Fact f, LocalDate day) {
        return new Cell(f.unit(), day, OPEN, f.kind(), f.channel(), f.clockStart(), f.nextDue());
    }

    private static void add(Map<Cell, Long> cells, Cell cell, long n) {
        cells.merge(cell, n, (a, b) -> a + b == 0 ? null : a + b);
    }
}
