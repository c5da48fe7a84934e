package vn.langnghe.intake.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.intake.application.SubmissionRow;
import vn.langnghe.intake.application.SubmissionRows;
import vn.langnghe.intake.application.SubmissionService;
import vn.langnghe.intake.domain.clock.ClockStatus;
import vn.langnghe.intake.domain.submission.SubmissionClocks;
import vn.langnghe.servicekit.security.Caller;
import vn.langnghe.servicekit.security.Roles;

/**
 * Who may see which submission: a partner its own, an officer those of their unit subtree (as the tree
 * stands today), an admin all. Anything else is answered 404, so ids of others reveal nothing.
 */
@RequestScoped
public class SubmissionAccess {

    private final Caller caller;
    private final SubmissionRows rows;
    private final UnitTree units;
    private final SubmissionService service;
    private final SubmissionClocks clocks;

    SubmissionAccess(Caller caller, SubmissionRows rows, UnitTree units, SubmissionService service,
            SubmissionClocks clocks) {
        this.caller = caller;
        this.rows = rows;
        this.units = units;
        this.service = service;
        this.clocks = clocks;
    }

    public SubmissionRow readable(UUID id) {
        return rows.byId(id).filter(this::mayRead).orElseThrow(SubmissionAccess::notFound);
    }

    public SubmissionRow readable(Optional<SubmissionRow> row) {
        return row.filter(this::mayRead).orElseThrow(SubmissionAccess::notFound);
    }

    /** Officers act on submissions of their subtree; partners only withdraw their own. */
    public SubmissionRow actionable(UUID id) {
        return readable(id);
    }

    public boolean mayRead(SubmissionRow row) {
        if (caller.hasRole(Roles.ADMIN)) {
            return true;
        }
        if (caller.hasRole(Roles.PARTNER) && caller.clientId().isPresent()
                && caller.clientId().get().equals(row.partnerClientId())) {
            return true;
        }
        return caller.hasRole(Roles.OFFICER) && inSubtree(row.unitId());
    }

    public boolean inSubtree(String unitId) {
        return caller.unitId()
                .filter(own -> units.find(own).isPresent() && units.find(unitId).isPresent())
                .map(own -> units.isWithin(unitId, own, service.today()))
                .orElse(false);
    }

    public Set<String> officerSubtree() {
        return caller.unitId().filter(own -> units.find(own).isPresent())
                .map(own -> units.subtree(own, service.today()))
                .orElse(Set.of());
    }

    public SubmissionView view(SubmissionRow row) {
        return SubmissionView.of(row, clockOf(row, service.today()));
    }

    private ClockStatus clockOf(SubmissionRow row, LocalDate today) {
        if (row.closedOn() != null || row.nextDue() == null || row.clockStartedOn() == null) {
            return null;
        }
        return clocks.status(row.clockStartedOn(), row.nextDue(), today);
    }

    static NotFoundException notFound() {
        return new NotFoundException("no such submission (or not yours to see)");
    }
}
