package vn.langnghe.testsupport.infra;

/** A real single-node Kafka cluster for tests and the local run. */
public interface KafkaServer extends AutoCloseable {

    /** {@code host:port} for {@code bootstrap.servers}. */
    String bootstrapServers();

    void start();

    /** Clean shutdown. */
    void stop();

    /** As abrupt a stop as the implementation allows; the next start recovers the logs. */
    void kill();

    /** Starts again (stopping first if running) on the same port with the same log dirs. */
    void restart();

    /** Creates the topic (replication factor 1) unless it exists. */
    default void createTopic(String name, int partitions) {
        KafkaAdmin.createTopic(bootstrapServers(), name, partitions);
    }

    /** Stops and deletes the data. */
    @Override
    void close();
}
