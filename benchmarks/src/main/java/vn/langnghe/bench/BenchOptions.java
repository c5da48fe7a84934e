package vn.langnghe.bench;

import java.nio.file.Path;

/**
 * The command line of {@code ./langnghe bench [--quick] [--rounds=N] [--no-compare] [--root=DIR]}.
 *
 * @param root the repository: services' jars under {@code <module>/target}, results under {@code docs/}
 */
public record BenchOptions(boolean quick, int rounds, boolean compare, Path root) {

    public static final int MIN_ROUNDS = 3;

    public static BenchOptions parse(String... args) {
        boolean quick = false;
        int rounds = MIN_ROUNDS;
        boolean compare = true;
        Path root = Path.of(".");
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--no-compare")) {
                compare = false;
            } else if (arg.startsWith("--rounds=")) {
                try {
                    rounds = Integer.parseInt(arg.substring("--rounds=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--rounds takes a whole number: " + arg);
                }
                if (rounds < MIN_ROUNDS) {
                    throw new IllegalArgumentException("--rounds must be at least " + MIN_ROUNDS
                            + " (medians of at least 3 alternating rounds): " + arg);
                }
            } else if (arg.startsWith("--root=")) {
                root = Path.of(arg.substring("--root=".length()));
            } else {
                throw new IllegalArgumentException("unknown option " + arg
                        + "; usage: ./langnghe bench [--quick] [--rounds=N] [--no-compare]");
            }
        }
        return new BenchOptions(quick, rounds, compare, root.toAbsolutePath().normalize());
    }

    public Profile profile() {
        return quick ? Profile.QUICK : Profile.FULL;
    }
}
