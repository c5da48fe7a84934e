package vn.langnghe.forum.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.Set;
import java.util.UUID;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.forum.application.ForumRow;
import vn.langnghe.forum.application.ForumRows;
import vn.langnghe.forum.application.ForumService;
import vn.langnghe.forum.application.OpinionRow;
import vn.langnghe.servicekit.security.Caller;

/**
 * Who may act on which forum: an organiser on forums hosted or held within their unit subtree, an officer on
 * the follow-ups and commitments owned within theirs (the tree as it stands today). Anything else is
 * answered 404, so ids of others reveal nothing.
 */
@RequestScoped
public class ForumAccess {

    private final Caller caller;
    private final ForumRows rows;
    private final UnitTree units;
    private final ForumService service;

    ForumAccess(Caller caller, ForumRows rows, UnitTree units, ForumService service) {
        this.caller = caller;
        this.rows = rows;
        this.units = units;
        this.service = service;
    }

    /** The organiser's forum, or 404. */
    public ForumRow organiserForum(UUID forumId) {
        return rows.forum(forumId).filter(f -> inSubtree(f.hostUnitId()) || inSubtree(f.venueUnitId()))
                .orElseThrow(ForumAccess::notFound);
    }

    /** An opinion of that forum whose follow-up or commitment the officer's unit subtree owns, or 404. */
    public OpinionRow officerOpinion(UUID forumId, UUID opinionId) {
        return rows.opinion(opinionId)
                .filter(o -> o.forumId().equals(forumId))
                .filter(o -> o.responsibleUnitId() != null && inSubtree(o.responsibleUnitId()))
                .orElseThrow(() -> new NotFoundException("no such opinion (or not your unit's to answer)"));
    }

    public boolean inSubtree(String unitId) {
        return unitId != null && caller.unitId()
                .filter(own -> units.find(own).isPresent() && units.find(unitId).isPresent())
                .map(own -> units.isWithin(unitId, own, service.today()))
                .orElse(false);
    }

    public Set<String> subtree() {
        return caller.unitId().filter(own -> units.find(own).isPresent())
                .map(own -> units.subtree(own, service.today()))
                .orElse(Set.of());
    }

    public Set<String> subtreeOf(String unitId) {
        return units.subtree(unitId, service.today());
    }

    static NotFoundException notFound() {
        return new NotFoundException("no such forum (or not yours to see)");
    }
}
