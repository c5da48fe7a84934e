package vn.langnghe.eventsourcing.relay;

/**
 * Thrown from a {@link RelayFaults} point: an {@link Error} is not caught by the relay's retry loop, so its
 * thread ends on the spot without aborting its transaction, closing its producer or releasing its lock.
 */
final class KillRelay extends Error {

    KillRelay(String where) {
        super("simulated kill -9 of the relay " + where);
    }
}
