package vn.langnghe.eventsourcing.decider;

import java.util.List;

/**
 * An aggregate as three pure functions: the state of a stream that does not exist yet, the events a
 * command produces on a state (or a domain exception when the command is refused), and how one event
 * moves the state on.
 */
public interface Decider<C, S, E> {

    S initialState();

    List<E> decide(C command, S state);

    S evolve(S state, E event);

    default S fold(S state, List<E> events) {
        S current = state;
        for (E event : events) {
            current = evolve(current, event);
        }
        return current;
    }
}
