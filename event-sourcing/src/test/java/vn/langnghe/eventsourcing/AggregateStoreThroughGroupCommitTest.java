package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.GroupCommit;
import vn.langnghe.eventsourcing.store.GroupCommitSettings;

/** Every aggregate store test again, with the commands sharing transactions through a group commit. */
class AggregateStoreThroughGroupCommitTest extends AggregateStoreTest {

    private GroupCommit groupCommit;

    @Override
    EventStore newStore(AgroalDataSource dataSource) {
        groupCommit = new GroupCommit(dataSource, GroupCommitSettings.defaults());
        return new EventStore(dataSource, Clock.systemUTC(), groupCommit);
    }

    @AfterAll
    void closeGroupCommit() {
        groupCommit.close();
        assertThat(groupCommit.commands()).as("commands that went through the group commit").isPositive();
    }
}
