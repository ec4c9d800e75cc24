package org.exitvoice.experiment;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exitvoice.scenario.ScenarioException;

/**
 * Reads a metric as docs/experiments.md writes its grammar:
 * <pre>
 * metric  = term { ("+" | "-") term }
 * term    = factor { ("*" | "/") factor }
 * factor  = "-" factor | "(" metric ")" | number | measure
 * measure = reduction "." column [ "[" place "]" ] [ ">=" (number | "target") ] [ "@" window ]
 * </pre>
 * Every mistake is one line naming what was expected, and where.
 */
final class MetricGrammar {

    private static final List<String> REDUCTIONS = List.of("final", "peak", "sum", "mean", "firstDay");
    /** Words people reach for, and the reduction that means it. */
    private static final java.util.Map<String, String> SYNONYMS = java.util.Map.of("max", "peak", "maximum", "peak",
            "total", "sum", "last", "final", "end", "final", "avg", "mean", "average", "mean", "first", "firstDay");
    private static final String FORMS = "write final.COL, peak.COL, sum.COL, mean.COL or firstDay.COL>=VALUE"
            + " (VALUE a number or target), with [PLACE] and @WINDOW if needed, combined with + - * / and ( )";
    private static final Pattern NAME = Pattern.compile("([A-Za-z]\\w*)(\\.([A-Za-z_]+))?");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern THRESHOLD = Pattern.compile("\\s*>=\\s*(target|-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|\\S*)");
    private static final Pattern WINDOW = Pattern.compile("@([A-Za-z0-9.\\-]*)");

    private final String text;
    private final MetricScope scope;
    private int at;
    private boolean readsTheRun;

    private MetricGrammar(String text, MetricScope scope) {
        this.text = text;
        this.scope = scope;
    }

    /** The formula of {@code text}; the exception's location is left to the caller, which knows the file and line. */
    static Formula parse(String text, MetricScope scope) throws ScenarioException {
        MetricGrammar g = new MetricGrammar(text, scope);
        if (text.isBlank()) {
            throw new ScenarioException(null, "an empty metric; " + FORMS);
        }
        Formula f = g.metric();
        g.skipSpace();
        if (g.at < text.length()) {
            char c = text.charAt(g.at);
            throw g.error(c == ')' ? "a ')' without its '('" : "unexpected '" + c + "'"
                    + (c == '[' ? " (a place goes right after the column: final.emigrated[RU-DA]@day3..)" : "")
                    + (c == '@' ? " (a window goes after the measure it limits: sum.crossed@day3..)" : ""));
        }
        if (!g.readsTheRun) {
            throw new ScenarioException(null, "'" + text + "' reads nothing from the run; " + FORMS);
        }
        return f;
    }

    private Formula metric() throws ScenarioException {
        Formula f = term();
        for (char op = next(); op == '+' || op == '-'; op = next()) {
            at++;
            f = new Formula.Arithmetic(op, f, term());
        }
        return f;
    }

    private Formula term() throws ScenarioException {
        Formula f = factor();
        for (char op = next(); op == '*' || op == '/'; op = next()) {
            at++;
            f = new Formula.Arithmetic(op, f, factor());
        }
        return f;
    }

    private Formula factor() throws ScenarioException {
        char c = next();
        if (c == '-') {
            at++;
            return new Formula.Negative(factor());
        }
        if (c == '(') {
            at++;
            Formula inside = metric();
            if (next() != ')') {
                throw error("a '(' without its ')'");
            }
            at++;
            return inside;
        }
        Matcher n = NUMBER.matcher(text).region(at, text.length());
        if (n.lookingAt()) {
            at = n.end();
            return new Formula.Constant(Double.parseDouble(n.group()));
        }
        Matcher m = NAME.matcher(text).region(at, text.length());
        if (!m.lookingAt()) {
            throw error(c == 0 ? "the metric ends where a measure or a number should follow"
                    : "expected a measure or a number, got '" + c + "'");
        }
        return new Formula.Read(measure(m));
    }

    private Measure measure(Matcher m) throws ScenarioException {
        String word = m.group(1);
        if (m.group(2) == null) {
            throw new ScenarioException(null, "'" + word + "' is not a metric; " + FORMS);
        }
        if (!REDUCTIONS.contains(word)) {
            String meant = SYNONYMS.containsKey(word) ? " (did you mean '" + SYNONYMS.get(word) + "'?)"
                    : ScenarioException.didYouMean(word, REDUCTIONS);
            throw new ScenarioException(null, "not a metric '" + m.group() + "': '" + word + "' is not one of "
                    + String.join(", ", REDUCTIONS) + meant + "; " + FORMS);
        }
        Measure.Reduction reduction = word.equals("firstDay") ? Measure.Reduction.FIRST_DAY
                : Measure.Reduction.valueOf(word.toUpperCase(java.util.Locale.ROOT));
        String column = m.group(3);
        at = m.end();

        String place = null;
        Measure.Where where = Measure.Where.NATION;
        if (at < text.length() && text.charAt(at) == '[') {
            int close = text.indexOf(']', at);
            if (close < 0) {
                throw error("a '[' without its ']'");
            }
            place = text.substring(at + 1, close).strip();
            where = where(place);
            at = close + 1;
        }
        if (!where.columns().contains(column)) {
            throw new ScenarioException(null, noColumn(column, where));
        }

        double threshold = Double.NaN;
        Matcher t = THRESHOLD.matcher(text).region(at, text.length());
        if (t.lookingAt()) {
            if (reduction != Measure.Reduction.FIRST_DAY) {
                throw error("only firstDay takes '>= VALUE', e.g. firstDay.mobilized>=target");
            }
            String value = t.group(1);
            if (!value.equals("target")) {
                try {
                    threshold = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new ScenarioException(null, "expected a number or 'target' after >=, got '" + value + "'");
                }
            }
            at = t.end();
        } else if (reduction == Measure.Reduction.FIRST_DAY) {
            throw new ScenarioException(null, "firstDay needs the value it waits for: firstDay." + column
                    + (place == null ? "" : "[" + place + "]") + ">=VALUE (VALUE a number or target)");
        }

        DayWindow window = null;
        Matcher w = WINDOW.matcher(text).region(at, text.length());
        if (w.lookingAt()) {
            window = DayWindow.parse(w.group(1));
            if (scope.start() != null) {
                window.check(scope.start(), scope.days());
            }
            at = w.end();
        }
        readsTheRun = true;
        return new Measure(reduction, column, place, where, threshold, window);
    }

    private Measure.Where where(String place) throws ScenarioException {
        if (scope.regions().contains(place)) {
            return Measure.Where.REGION;
        }
        if (scope.routes().contains(place)) {
            return Measure.Where.ROUTE;
        }
        if (scope.destinations().contains(place)) {
            return Measure.Where.DESTINATION;
        }
        throw new ScenarioException(null, "no region, route or destination '" + place + "'"
                + ScenarioException.didYouMean(place, scope.places()) + " (regions by code as RU-DA, routes by id as"
                + " upper-lars, countries by name; destinations: " + String.join(", ", scope.destinations()) + ")");
    }

    private static String noColumn(String column, Measure.Where where) {
        List<String> known = where.columns();
        String what = switch (where) {
            case NATION -> "national";
            case REGION -> "region";
            case ROUTE -> "route";
            case DESTINATION -> "destination";
        };
        String hint = where == Measure.Where.REGION && column.equals("crossed")
                ? " (crossings are counted by route and destination, e.g. sum.crossed[Georgia])"
                : where != Measure.Where.NATION && Measure.Where.NATION.columns().contains(column)
                ? " (" + column + " is counted by region and nation, not by route)" : "";
        return "no " + what + " column '" + column + "'" + ScenarioException.didYouMean(column, known) + hint + "; "
                + what + " columns: " + String.join(", ", known);
    }

    /** The next character after spaces (0 at the end), not consumed. */
    private char next() {
        skipSpace();
        return at < text.length() ? text.charAt(at) : 0;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private ScenarioException error(String message) {
        return new ScenarioException(null, message + (at < text.length() ? " at character " + (at + 1) + " of '"
                : " at the end of '") + text + "'");
    }
}
