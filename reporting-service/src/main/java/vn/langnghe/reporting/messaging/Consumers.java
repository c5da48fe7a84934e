package vn.langnghe.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import vn.langnghe.contracts.Topics;
import vn.langnghe.reporting.projection.flow.EventFlowProjector;
import vn.langnghe.servicekit.eventsourcing.ConsumerBinding;

/** The event streams reporting-service follows, and which projection each feeds. */
@ApplicationScoped
public class Consumers {

    @Produces
    ConsumerBinding eventFlow() {
        return new ConsumerBinding("reporting-service.event-flow",
                List.of(Topics.INTAKE_SUBMISSION_EVENTS, Topics.FORUM_FORUM_EVENTS), new EventFlowProjector());
    }
}
