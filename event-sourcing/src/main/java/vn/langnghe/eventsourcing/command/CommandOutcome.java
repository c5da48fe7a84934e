package vn.langnghe.eventsourcing.command;

import java.util.List;

/**
 * What a handled command did: the events it appended (possibly none), the state after them, and the
 * stream's version (the next If-Match value).
 */
public record CommandOutcome<S, E>(List<E> events, S state, long version) {}
