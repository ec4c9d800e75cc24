package org.exitvoice.model;

/** A failure on a worker thread, carried to the thread that waited for it. */
public final class Failures {
    private Failures() {
    }

    /**
     * The cause to throw on the waiting thread: runtime exceptions and errors as they are (so a model error reads the
     * same whichever thread met it), anything else wrapped. Use as {@code throw Failures.unchecked(e.getCause())}.
     */
    public static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }
}
