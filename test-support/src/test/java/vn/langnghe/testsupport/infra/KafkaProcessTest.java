package vn.langnghe.testsupport.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langnghe.testsupport.infra.EmbeddedKafkaTest.readAll;
import static vn.langnghe.testsupport.infra.EmbeddedKafkaTest.send;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaProcessTest {

    @Test
    void aSigkilledBrokerComesBackOnTheSamePortWithEveryAcknowledgedRecord() throws Exception {
        Path dir;
        try (KafkaProcess kafka = new KafkaProcess()) {
            long t0 = System.nanoTime();
            kafka.start();
            System.out.printf("KafkaProcess started in %d ms (pid %d)%n", (System.nanoTime() - t0) / 1_000_000, kafka.pid());
            long firstPid = kafka.pid();
            dir = kafka.logFile().getParent();
            kafka.createTopic("things", 2);
            send(kafka, "things", "k1", "before");

            kafka.kill();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

            t0 = System.nanoTime();
            kafka.start();
            System.out.printf("KafkaProcess restarted after SIGKILL in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(kafka.pid()).isNotEqualTo(firstPid);
            send(kafka, "things", "k1", "after");
            assertThat(readAll(kafka, "things", 2)).containsExactly("before", "after");

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
        }
        assertThat(Files.exists(dir)).as("close() deletes the broker's data").isFalse();
    }
}
