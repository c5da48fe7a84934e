package vn.langnghe.personal;

import com.google.crypto.tink.Aead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unwrapped keys, kept briefly so a busy case is not unwrapped on every read. An entry only answers for
 * the exact wrapped bytes it came from, and the caller reads those from the database first: a key
 * destroyed by another instance, or created in a transaction that rolled back, is never served from here.
 * Bounded (least recently used goes first) and time-limited, so unwrapped keys do not pile up in memory.
 */
final class KeyCache {

    private record Cached(byte[] wrapped, Aead aead, Instant expiresAt) {}

    private final Duration ttl;
    private final Clock clock;
    private final Map<Subject, Cached> entries;

    KeyCache(int maxEntries, Duration ttl, Clock clock) {
        if (maxEntries < 0 || ttl.isNegative()) {
            throw new IllegalArgumentException("cache size and ttl must not be negative");
        }
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Subject, Cached> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<Aead> get(Subject subject, byte[] wrapped) {
        Cached entry = entries.get(subject);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt()) || !Arrays.equals(entry.wrapped(), wrapped)) {
            entries.remove(subject);
            return Optional.empty();
        }
        return Optional.of(entry.aead());
    }

    synchronized void put(Subject subject, byte[] wrapped, Aead aead) {
        entries.put(subject, new Cached(wrapped.clone(), aead, clock.instant().plus(ttl)));
    }

    synchronized void invalidate(Subject subject) {
        entries.remove(subject);
    }

    synchronized int size() {
        return entries.size();
    }
}
