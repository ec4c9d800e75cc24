package org.exitvoice.model;

/**
 * For {@code exitvoice bench} only: reads, once, every array byte the engine's day reads for each man (state, flags,
 * attachment, risk aversion, hardship) and does nothing with them but sum: the memory-bandwidth floor of a day.
 */
public final class MemoryFloor {
    private MemoryFloor() {
    }

    /** One day's streaming pass over the model's people; returns a checksum so the JIT cannot drop the loop. */
    public static long streamOnce(ExitVoiceModel model) {
        long sum = 0;
        for (Region r : model.regions()) {
            sum += stream(r);
        }
        return sum;
    }

    /** The same pass with regions spread over the calling fork-join pool's threads. */
    public static long streamInParallel(ExitVoiceModel model) {
        return java.util.Arrays.stream(model.regions()).parallel().mapToLong(MemoryFloor::stream).sum();
    }

    private static long stream(Region r) {
        People p = r.people;
        byte[] state = p.state, flags = p.flags, attachment = p.attachment, risk = p.riskAversion, hardship = p.hardship;
        long sum = 0;
        for (int i = 0; i < p.size; i++) {
            sum += state[i] + flags[i] + attachment[i] + risk[i] + hardship[i];
        }
        return sum;
    }

    /** Agents in the model. */
    public static long agents(ExitVoiceModel model) {
        long n = 0;
        for (Region r : model.regions()) {
            n += r.people.size;
        }
        return n;
    }

    /** Bytes of arrays per agent, by construction (the measured heap per person is in the bench). */
    public static int bytesPerAgent() {
        return People.BYTES_PER_AGENT;
    }
}
