package vn.langnghe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {

    @TempDir
    Path dir;

    @Test
    void serviceLog_keepsOnlyItsWarningsAndErrors() throws Exception {
        Path log = dir.resolve("forum-service.log");
        Files.write(log, List.of(
                "12:35:37.398 INFO  [or.fl.co.FlywayExecutor] (main) Database: jdbc:postgresql://127.0.0.1/forum",
                "12:35:40.001 WARN  [vn.la.ev.co.KafkaEventConsumer] (event-consumer) consumer failed a round",
                "12:35:41.002 ERROR [io.qu.ve.ht.ru.QuarkusErrorHandler] (executor-thread-1) HTTP Request failed",
                "\tat vn.langnghe.forum.live.LiveFeed.run(LiveFeed.java:80)"), StandardCharsets.UTF_8);

        RunLog.keepWarnings(log, dir.resolve("kept.log"));

        assertThat(Files.readAllLines(dir.resolve("kept.log")))
                .containsExactly(
                        "12:35:40.001 WARN  [vn.la.ev.co.KafkaEventConsumer] (event-consumer) consumer failed a round",
                        "12:35:41.002 ERROR [io.qu.ve.ht.ru.QuarkusErrorHandler] (executor-thread-1) HTTP Request failed");
    }

    @Test
    void serviceThatNeverStarted_leavesNoFile() {
        RunLog.keepWarnings(dir.resolve("missing.log"), dir.resolve("kept.log"));

        assertThat(dir.resolve("kept.log")).doesNotExist();
    }
}
