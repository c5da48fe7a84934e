package vn.langnghe.eventsourcing;

import java.util.List;
import vn.langnghe.eventsourcing.decider.Decider;
import vn.langnghe.eventsourcing.decider.JacksonEventCodec;

/** A tiny aggregate for the library's own tests: a counter with a ceiling. */
final class Counter {

    sealed interface Command {}

    record Add(int amount) implements Command {}

    record Reset() implements Command {}

    sealed interface Event {}

    record Added(int amount) implements Event {}

    record WasReset() implements Event {}

    record State(int total) {}

    static final int CEILING = 1_000;

    static final Decider<Command, State, Event> DECIDER = new Decider<>() {
        @Override
        public State initialState() {
            return new State(0);
        }

        @Override
        public List<Event> decide(Command command, State state) {
            return switch (command) {
                case Add add when state.total() + add.amount() > CEILING ->
                        throw new IllegalStateException("the counter would pass its ceiling");
                case Add add -> List.of(new Added(add.amount()));
                case Reset reset -> state.total() == 0 ? List.of() : List.of(new WasReset());
            };
        }

        @Override
        public State evolve(State state, Event event) {
            return switch (event) {
                case Added added -> new State(state.total() + added.amount());
                case WasReset reset -> new State(0);
            };
        }
    };

    static final JacksonEventCodec<Event> CODEC = JacksonEventCodec.<Event>builder()
            .register("test.CounterAdded.v1", Added.class)
            .register("test.CounterReset.v1", WasReset.class)
            .build();

    private Counter() {}
}
