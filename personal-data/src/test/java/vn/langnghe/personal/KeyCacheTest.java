package vn.langnghe.personal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KeyCacheTest {

    private static final Aead AEAD = tinkAead();
    private static final byte[] WRAPPED = {1, 2, 3};

    private static Aead tinkAead() {
        try {
            return Tink.aead(Tink.newKeyset());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void the_cache_is_bounded_dropping_the_least_recently_used() {
        KeyCache cache = new KeyCache(2, Duration.ofMinutes(5), Clock.systemUTC());
        cache.put(Subject.person("a"), WRAPPED, AEAD);
        cache.put(Subject.person("b"), WRAPPED, AEAD);
        cache.get(Subject.person("a"), WRAPPED);
        cache.put(Subject.person("c"), WRAPPED, AEAD);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(Subject.person("b"), WRAPPED)).isEmpty();
        assertThat(cache.get(Subject.person("a"), WRAPPED)).contains(AEAD);
    }

    @Test
    void entries_expire() {
        MutableClock clock = new MutableClock();
        KeyCache cache = new KeyCache(10, Duration.ofMinutes(5), clock);
        cache.put(Subject.person("a"), WRAPPED, AEAD);

        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(cache.get(Subject.person("a"), WRAPPED)).contains(AEAD);
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(cache.get(Subject.person("a"), WRAPPED)).isEmpty();
    }

    @Test
    void an_entry_answers_only_for_the_wrapped_key_it_came_from_and_until_invalidated() {
        KeyCache cache = new KeyCache(10, Duration.ofMinutes(5), Clock.systemUTC());
        cache.put(Subject.person("a"), WRAPPED, AEAD);
        assertThat(cache.get(Subject.person("a"), new byte[] {9})).isEmpty();

        cache.put(Subject.person("b"), WRAPPED, AEAD);
        cache.invalidate(Subject.person("b"));
        assertThat(cache.get(Subject.person("b"), WRAPPED)).isEmpty();
    }
}
