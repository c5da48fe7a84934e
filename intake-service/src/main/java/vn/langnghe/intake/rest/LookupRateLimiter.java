package vn.langnghe.intake.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits tracking-code lookups per client and minute, so nobody can walk the code space. Per instance:
 * N replicas allow N times the limit, still hopeless against 2^60 codes.
 */
@ApplicationScoped
public class LookupRateLimiter {

    private record Window(long minute, int count) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    LookupRateLimiter(@ConfigProperty(name = "langnghe.intake.lookups-per-minute", defaultValue = "60") int perMinute,
            Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one lookup; false when the client is over its limit for this minute. */
    public boolean tryAcquire(String client) {
        long minute = clock.millis() / 60_000;
        Window window = windows.merge(client, new Window(minute, 1),
                (old, fresh) -> old.minute() == minute ? new Window(minute, old.count() + 1) : fresh);
        return window.count() <= perMinute;
    }

    /** Seconds until the current window ends. */
    public long retryAfterSeconds() {
        return 60 - (clock.millis() / 1000) % 60;
    }
}
