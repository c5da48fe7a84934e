package vn.langnghe.forum.domain.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import vn.langnghe.eventsourcing.decider.Decider;

/** given(events).when(command).then(events) / thenNothing() / thenRefused(code): one line per business rule. */
final class DeciderSpec<C, S, E> {

    private final Decider<C, S, E> decider;
    private List<E> history = List.of();
    private C command;

    private DeciderSpec(Decider<C, S, E> decider) {
        this.decider = decider;
    }

    static <C, S, E> DeciderSpec<C, S, E> of(Decider<C, S, E> decider) {
        return new DeciderSpec<>(decider);
    }

    @SafeVarargs
    final DeciderSpec<C, S, E> given(E... events) {
        history = List.of(events);
        return this;
    }

    DeciderSpec<C, S, E> given(List<E> events) {
        history = List.copyOf(events);
        return this;
    }

    DeciderSpec<C, S, E> when(C command) {
        this.command = command;
        return this;
    }

    @SafeVarargs
    final void then(E... expected) {
        assertThat(decider.decide(command, state())).containsExactly(expected);
    }

    /** The command's effect is already recorded: a retry decides no event. */
    void thenNothing() {
        assertThat(decider.decide(command, state())).isEmpty();
    }

    void thenState(Consumer<S> check) {
        S state = state();
        check.accept(decider.fold(state, decider.decide(command, state)));
    }

    void thenRefused(String code) {
        assertThatThrownBy(() -> decider.decide(command, state()))
                .isInstanceOfSatisfying(ForumRefused.class, r -> assertThat(r.code()).isEqualTo(code));
    }

    void thenRefusedOnField(String field, String code) {
        assertThatThrownBy(() -> decider.decide(command, state()))
                .isInstanceOfSatisfying(ForumRefused.class, r -> {
                    assertThat(r.field()).isEqualTo(field);
                    assertThat(r.code()).isEqualTo(code);
                });
    }

    private S state() {
        return decider.fold(decider.initialState(), history);
    }
}
