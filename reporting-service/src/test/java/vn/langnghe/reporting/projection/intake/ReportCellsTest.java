package vn.langnghe.reporting.projection.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.langnghe.reporting.projection.intake.ReportCells.Cell;
import vn.langnghe.reporting.projection.intake.ReportCells.Fact;

/** A submission's report cells, and the deltas between them, without a database. */
class ReportCellsTest {

    private static final String WARD = "HP-LECHAN-VINHNIEM";
    private static final LocalDate D1 = LocalDate.parse("2025-03-03");
    private static final LocalDate D2 = LocalDate.parse("2025-03-10");
    private static final LocalDate DUE = LocalDate.parse("2025-04-02");

    private static Fact fact(long version, String type, LocalDate on, String kind, String status, String outcome) {
        return new Fact(version, "intake." + type + ".v1", on, WARD, kind, "HOTLINE", status, on, DUE, false, null,
                outcome);
    }

    private static Cell figure(String figure, LocalDate on, String kind) {
        return new Cell(WARD, on, figure, kind, "HOTLINE", null, null);
    }

    private static Cell open(LocalDate on, String kind, LocalDate clockStart) {
        return new Cell(WARD, on, ReportCells.OPEN, kind, "HOTLINE", clockStart, DUE);
    }

    @Test
    void givenAReceivedTip_whenReclassifiedAsAComplaint_thenItsReceivedCellMovesToTheNewKind() {
        List<Fact> facts = new ArrayList<>(List.of(fact(1, "SubmissionReceived", D1, "TIP", "OPEN", null)));
        Map<Cell, Long> before = ReportCells.contribution(facts);

        facts.add(fact(2, "SubmissionClassified", D2, "COMPLAINT", "OPEN", null));
        Map<Cell, Long> delta = ReportCells.delta(before, ReportCells.contribution(facts));

        assertThat(delta).containsEntry(figure("received", D1, "TIP"), -1L)
                .containsEntry(figure("received", D1, "COMPLAINT"), 1L)
                .containsEntry(new Cell(WARD, D2, "fact:intake.SubmissionClassified.v1", "*", "*", null, null), 1L)
                // open as a tip from D1, as a complaint (the classification's clock) from D2
                .containsEntry(open(D2, "TIP", D1), -1L)
                .containsEntry(open(D2, "COMPLAINT", D2), 1L)
                .hasSize(5);
    }

    @Test
    void givenAReceivedPetition_whenMerged_thenItsReceivedFactCountsAsMergedAway_andItLeavesTheBacklog() {
        List<Fact> facts = new ArrayList<>(List.of(fact(1, "SubmissionReceived", D1, "PETITION", "OPEN", null)));
        Map<Cell, Long> before = ReportCells.contribution(facts);

        facts.add(new Fact(2, "intake.SubmissionMerged.v1", D2, WARD, "PETITION", "HOTLINE", "CLOSED", null, null,
                false, null, "MERGED"));
        Map<Cell, Long> delta = ReportCells.delta(before, ReportCells.contribution(facts));

        assertThat(delta).containsEntry(figure("receivedMergedAway", D1, "PETITION"), 1L)
                .containsEntry(figure("merged", D2, "PETITION"), 1L)
                .containsEntry(open(D2, "PETITION", D1), -1L);
    }

    @Test
    void givenAFactDatedBeforeTheOneBeforeIt_thenTheBacklogFollowsTheHighestVersionDatedUpToEachDay() {
        LocalDate d0 = D1.minusDays(2);
        List<Fact> facts = List.of(fact(1, "SubmissionReceived", D1, "TIP", "OPEN", null),
                fact(2, "SubmissionClassified", D2, "COMPLAINT", "OPEN", null),
                // backdated: dated before both, yet the latest word from D2's point of view... only until D2
                new Fact(3, "intake.SubmissionWithdrawn.v1", d0, WARD, "COMPLAINT", "HOTLINE", "CLOSED", null, null,
                        false, null, "WITHDRAWN"));

        Map<Cell, Long> cells = ReportCells.contribution(facts);

        // from d0 the withdrawal (version 3) is the last fact dated up to any day: never open
        assertThat(cells.keySet()).noneMatch(c -> c.figure().equals(ReportCells.OPEN));
        assertThat(cells).containsEntry(figure("withdrawn", d0, "COMPLAINT"), 1L)
                .containsEntry(figure("received", D1, "COMPLAINT"), 1L);
    }
}
