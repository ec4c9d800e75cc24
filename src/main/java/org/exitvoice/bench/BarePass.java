package org.exitvoice.bench;

import org.exitvoice.model.ExitVoiceModel;
import org.exitvoice.model.Region;
import org.exitvoice.model.engine.People;

/**
 * For {@code exitvoice bench} only: reads, once, every array byte the engine's day reads for each man (state, flags,
 * attachment, risk aversion, hardship) and does nothing with them but sum: the cost of merely reading every man once
 * a day. Not a memory-bandwidth floor: where it was measured, the core running this loop is what limits it (README,
 * "Performance").
 */
final class BarePass {
    private BarePass() {
    }

    /** The same pass with regions spread over the calling fork-join pool's threads; a checksum so the JIT keeps the loop. */
    static long streamInParallel(ExitVoiceModel model) {
        return model.regions().parallelStream().mapToLong(BarePass::stream).sum();
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
