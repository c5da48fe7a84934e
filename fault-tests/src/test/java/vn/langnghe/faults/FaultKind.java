package vn.langnghe.faults;

/** What a fault does to the running system; each is followed, after a short outage, by a restart. */
public enum FaultKind {
    /** SIGKILL the Kafka broker's JVM, then start it again on the same port and log dir. */
    KAFKA_KILLED,
    /** {@code pg_ctl stop -m immediate} (no checkpoint, like a crash), then start it again on the same data dir. */
    POSTGRES_STOPPED,
    /** SIGKILL intake-service (with it its outbox relay and its consumer), then start it again. */
    INTAKE_KILLED,
    /** SIGKILL forum-service (with it its outbox relay and its consumer), then start it again. */
    FORUM_KILLED,
    /** SIGKILL reporting-service (with it its projection consumers), then start it again. */
    REPORTING_KILLED
}
