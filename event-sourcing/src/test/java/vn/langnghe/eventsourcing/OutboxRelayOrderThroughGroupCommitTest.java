package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.GroupCommit;
import vn.langnghe.eventsourcing.store.GroupCommitSettings;

/**
 * The relay's ordering tests again, with the appends sharing transactions through a group commit: a batch
 * holds the append lock until it commits, so positions still follow commit order.
 */
class OutboxRelayOrderThroughGroupCommitTest extends OutboxRelayOrderTest {

    private GroupCommit groupCommit;

    @Override
    EventStore newStore(AgroalDataSource dataSource) {
        groupCommit = new GroupCommit(dataSource, GroupCommitSettings.defaults());
        return new EventStore(dataSource, Clock.systemUTC(), groupCommit);
    }

    @AfterEach
    void closeGroupCommit() {
        groupCommit.close();
        assertThat(groupCommit.commands()).as("appends that went through the group commit").isPositive();
    }
}
