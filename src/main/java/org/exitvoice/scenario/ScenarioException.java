package org.exitvoice.scenario;

/** A bad scenario, option or data file, reported to the user as one line {@code LOCATION: message}. */
public class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final String detail;

    /**
     * @param location where the bad input is: {@code params/x.yaml:12}, {@code params/x.yaml},
     *                 {@code --scale}, {@code --set draft.target}
     * @param message  what is wrong, without the location
     */
    public ScenarioException(String location, String message) {
        super(location == null ? oneLine(message) : oneLine(location) + ": " + oneLine(message));
        this.location = location == null ? null : oneLine(location);
        this.detail = oneLine(message);
    }

    /** Longest message shown: a value echoed from a broken file is cut, not printed whole. */
    private static final int MAX_LENGTH = 300;

    /**
     * Keeps an error on one printable line whatever a broken file holds: control characters (line breaks, carriage
     * returns, tabs, NULs) become escapes such as {@code \r} or {@code \u0000}, and very long text is cut.
     * Found by fuzzing: a value with carriage returns turned one error into many lines.
     */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
        for (int k = 0; k < text.length() && b.length() < MAX_LENGTH; k++) {
            char c = text.charAt(k);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        if (b.length() >= MAX_LENGTH && text.length() > MAX_LENGTH) {
            b.setLength(MAX_LENGTH);
            b.append("...");
        }
        return b.toString();
    }

    /** An error with no particular place (e.g. about the whole run). */
    public ScenarioException(String message) {
        this(null, message);
    }

    /**
     * An error about one key's value. Flag and {@code --set} locations already name the key
     * ({@code --set draft.target: ...}); file locations get it prefixed ({@code x.yaml:7: draft.target: ...}).
     */
    public static ScenarioException at(String location, String key, String message) {
        return location.startsWith("--") ? new ScenarioException(location, message)
                : new ScenarioException(location, key + ": " + message);
    }

    /**
     * The inline hint every error uses: {@code " (did you mean 'target'?)"} for the known name
     * closest to {@code typed} by edit distance when it is close enough, else an empty string.
     */
    public static String didYouMean(String typed, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = editDistance(typed.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        // close enough: a couple of slips, or a third of the word for long names
        boolean close = best != null && bestDistance <= Math.max(2, typed.length() / 3) && bestDistance < typed.length();
        return close ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + substitution);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    /** Where the bad input is, or null when there is no particular place. */
    public String location() {
        return location;
    }

    /** The message without its location. */
    public String detail() {
        return detail;
    }
}
