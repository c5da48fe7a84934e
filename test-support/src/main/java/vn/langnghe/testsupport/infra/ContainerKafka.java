package vn.langnghe.testsupport.infra;

import java.time.Duration;
import java.util.List;
import org.testcontainers.kafka.KafkaContainer;
import vn.langnghe.testsupport.ports.FreePorts;

/**
 * Kafka (the official apache/kafka image, KRaft) in a Testcontainers container, for machines with a Docker engine.
 * The host port is fixed at creation so the advertised address survives {@link #restart()}; stop/kill/restart
 * act on the same container, whose log dir lives in the container's file system.
 */
public final class ContainerKafka implements KafkaServer {

    public static final String IMAGE = "apache/kafka:4.1.1";

    private final KafkaContainer container;
    private final int hostPort = FreePorts.next();

    @SuppressWarnings("resource")
    public ContainerKafka() {
        container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_NUM_PARTITIONS", "4");
        container.setPortBindings(List.of(hostPort + ":9092"));
    }

    @Override
    public String bootstrapServers() {
        return container.getHost() + ":" + hostPort;
    }

    @Override
    public synchronized void start() {
        if (container.getContainerId() == null) {
            container.start();
        } else if (!isRunning()) {
            container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
        }
        KafkaAdmin.awaitReady(bootstrapServers(), Duration.ofSeconds(60));
    }

    private boolean isRunning() {
        return Boolean.TRUE.equals(container.getDockerClient().inspectContainerCmd(container.getContainerId())
                .exec().getState().getRunning());
    }

    @Override
    public synchronized void stop() {
        if (container.getContainerId() != null && isRunning()) {
            container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
        }
    }

    @Override
    public synchronized void kill() {
        if (container.getContainerId() != null && isRunning()) {
            container.getDockerClient().killContainerCmd(container.getContainerId()).withSignal("SIGKILL").exec();
        }
    }

    @Override
    public synchronized void restart() {
        stop();
        start();
    }

    @Override
    public synchronized void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "ContainerKafka[" + IMAGE + ", " + bootstrapServers() + "]";
    }
}
