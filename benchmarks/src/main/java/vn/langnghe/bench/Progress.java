package vn.langnghe.bench;

import java.io.PrintStream;

/** Prints what the run is doing: phase, round, elapsed time, and an estimate of what is left. */
public final class Progress {

    private final PrintStream out;
    private final long start = System.nanoTime();
    private final int totalSteps;
    private int stepsDone;

    public Progress(PrintStream out, int totalSteps) {
        this.out = out;
        this.totalSteps = totalSteps;
    }

    /** A step of the plan begins. */
    public synchronized void step(String phase) {
        out.printf("[%s | step %d/%d | ETA %s] %s%n", clock(elapsedSeconds()), stepsDone + 1, totalSteps,
                eta(), phase);
        stepsDone++;
    }

    /** Detail within the current step. */
    public synchronized void note(String message) {
        out.printf("[%s]     %s%n", clock(elapsedSeconds()), message);
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private String eta() {
        if (stepsDone == 0) {
            return "?";
        }
        double perStep = elapsedSeconds() / stepsDone;
        return clock(perStep * Math.max(0, totalSteps - stepsDone));
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%02d:%02d", s / 60, s % 60);
    }
}
