package vn.langnghe.testsupport.process;

/**
 * Clean-up that must run even when a test JVM is stopped early (Ctrl-C, a failed fork): the processes and
 * data directories the test support starts are removed by a shutdown hook, which a normal close removes again.
 */
public final class ShutdownHooks {

    private ShutdownHooks() {
    }

    /** Registers {@code cleanUp} to run at JVM shutdown and returns the hook, to {@link #remove} it later. */
    public static Thread add(String name, Runnable cleanUp) {
        Thread hook = new Thread(cleanUp, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Unregisters a hook returned by {@link #add}; nothing happens for null or while the JVM shuts down. */
    public static void remove(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }
}
