package vn.langnghe.faults;

/**
 * One request of the load: which service, when it was meant to go (its slot in the steady schedule), when it went
 * and came back (nanoseconds on this JVM's monotonic clock), the status (0 when no answer: refused, reset or timed
 * out), the Retry-After header, and the id the client chose (submission: Idempotency-Key; opinion: opinionId) and
 * the id the service returned.
 */
record RequestRecord(String service, long intendedAt, long sentAt, long finishedAt, int status, String retryAfter,
        String clientId, String returnedId, String failure) {

    boolean acknowledged() {
        return status >= 200 && status < 300;
    }

    boolean timedOut() {
        return failure != null && failure.contains("HttpTimeoutException");
    }

    long latencyNanos() {
        return finishedAt - sentAt;
    }
}
