package org.exitvoice.bench;

import org.exitvoice.model.ExitVoiceModel;
import org.exitvoice.model.Region;
import org.exitvoice.model.engine.People;

/**
 * For {@code exitvoice bench} only: reads, once, every array byte the engine's day reads for each man (state, flags,
 * attachment, risk aversion, hardship) and does nothing with them but sum: the memory-bandwidth floor of a day.
 */
final class MemoryFloor {
    private MemoryFloor() {
    }

    /** The same pass with regions spread over the calling fork-join pool's threads; a checksum so the JIT keeps the loop. */
    static long streamInParallel(ExitVoiceModel model) {
        return model.regions().parallelStream().mapToLong(MemoryFloor::stream).sum();
    }

    private static long stream(Region r) {
        People p = r.people();
        byte[] state = p.state, flags = p.flags, attachment = p.attachment, risk = p.riskAversion, hardship = p.hardship;
        long sum = 0;
        for (int i = 0; i < p.size; i++) {
            sum += state[i] + flags[i] + attachment[i] + risk[i] + hardship[i];
        }
        return sum;
    }

    /** Agents in the model. */
    static long agents(ExitVoiceModel model) {
        long n = 0;
        for (Region r : model.regions()) {
            n += r.men();
        }
        return n;
    }
}
