package vn.langnghe.testsupport.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.langnghe.testsupport.ports.FreePorts;

class ServiceProcessTest {

    @TempDir
    Path logs;

    private ServiceProcess.Builder fakeApp() {
        return ServiceProcess.builder("fake-app").logFile(logs.resolve("fake-app.log"))
                .mainClass(System.getProperty("java.class.path"), FakeReadyApp.class.getName())
                .jvmOptions("-Xmx64m", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void startsWaitsUntilReadyAndIsKilled() throws Exception {
        long t0 = System.nanoTime();
        ServiceProcess app = fakeApp().config("greeting", "xin chào").start().awaitReady(Duration.ofSeconds(20));
        System.out.printf("fake app ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        try {
            assertThat(app.pid()).isPositive();
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(app.baseUrl() + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.body()).contains("UP");
            assertThat(Files.readString(app.logFile())).contains("greeting=xin chào");
        } finally {
            app.kill();
        }
        assertThat(app.isAlive()).isFalse();
        assertThat(ProcessHandle.of(app.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(FreePorts.isFree(app.port())).isTrue();
    }

    @Test
    void aSecretReachesTheAppThroughItsEnvironmentAndNotItsCommandLine() throws Exception {
        ServiceProcess app = fakeApp().secret("langnghe.fake-secret", "mật khẩu 42").start()
                .awaitReady(Duration.ofSeconds(20));
        try {
            assertThat(Files.readString(app.logFile())).contains("secret from the environment=mật khẩu 42");
            String commandLine = Files.readString(Path.of("/proc", Long.toString(app.pid()), "cmdline"));
            assertThat(commandLine).contains("FakeReadyApp").doesNotContain("mật khẩu 42");
        } finally {
            app.kill();
        }
    }

    @Test
    void aProcessThatDiesFailsWithItsLog() {
        ServiceProcess app = fakeApp().config("langnghe.fake.exit", "3").start();
        assertThatThrownBy(() -> app.awaitReady(Duration.ofSeconds(20)))
                .hasMessageContaining("exited with 3").hasMessageContaining("fake app giving up");
    }

    @Test
    void freePortsAreFreshAndFree() {
        int a = FreePorts.next();
        int b = FreePorts.next();
        assertThat(a).isNotEqualTo(b);
        assertThat(FreePorts.isFree(a)).isTrue();
    }
}
