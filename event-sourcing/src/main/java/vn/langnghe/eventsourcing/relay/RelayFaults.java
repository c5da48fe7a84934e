package vn.langnghe.eventsourcing.relay;

/**
 * Test seam: points inside a relay round where a test can make the relay die (throw an {@link Error},
 * which ends the relay's thread without any clean-up, as a kill -9 would). Package-private; production
 * code never sets it.
 */
interface RelayFaults {

    RelayFaults NONE = new RelayFaults() {};

    /** The batch and its marker were sent in the open transaction, which is not committed yet. */
    default void beforeCommit() {}

    /** The transaction is committed on Kafka; outbox_position does not know it yet. */
    default void afterCommit() {}
}
