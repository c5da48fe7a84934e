package vn.langnghe.eventsourcing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import vn.langnghe.eventsourcing.store.EventContext;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.eventsourcing.store.NewEvent;

/** Concurrent single-event appends spread over many streams, as several request threads would make. */
public final class Load {

    private final EventStore store;
    private final String streamPrefix;
    private final int threads;
    private final int events;
    private final int streams;
    private final AtomicInteger appended = new AtomicInteger();

    public Load(EventStore store, String streamPrefix, int threads, int events, int streams) {
        this.store = store;
        this.streamPrefix = streamPrefix;
        this.threads = threads;
        this.events = events;
        this.streams = streams;
    }

    public int appended() {
        return appended.get();
    }

    /** Starts the appenders; the returned futures complete when each thread is done. */
    public List<Future<?>> start(ExecutorService pool) {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = events / threads + (t < events % threads ? 1 : 0);
            done.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    String stream = streamPrefix + ThreadLocalRandom.current().nextInt(streams);
                    store.append(stream, "thing", ExpectedVersion.any(),
                            List.of(NewEvent.of("test.ThingHappened.v1", "{\"n\":" + i + "}")),
                            EventContext.at(Instant.now(), "load"));
                    appended.incrementAndGet();
                }
                return null;
            }));
        }
        return done;
    }

    public void runToEnd() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Future<?> f : start(pool)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
