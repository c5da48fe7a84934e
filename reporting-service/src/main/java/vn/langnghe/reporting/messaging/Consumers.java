package vn.langnghe.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.reporting.projection.flow.EventFlowProjection;
import vn.langnghe.reporting.projection.forum.ForumProjection;
import vn.langnghe.reporting.projection.intake.IntakeProjection;
import vn.langnghe.servicekit.eventsourcing.ConsumerBinding;

/**
 * The event streams reporting-service follows: one consumer per projection, feeding its active generation
 * (consumer and checkpoint name {@code reporting-service.<projection>.g<N>}).
 */
@ApplicationScoped
public class Consumers {

    private final Projections projections;

    Consumers(Projections projections) {
        this.projections = projections;
    }

    @Produces
    ConsumerBinding eventFlow() {
        return projections.binding(EventFlowProjection.NAME);
    }

    @Produces
    ConsumerBinding intake() {
        return projections.binding(IntakeProjection.NAME);
    }

    @Produces
    ConsumerBinding forums() {
        return projections.binding(ForumProjection.NAME);
    }
}
