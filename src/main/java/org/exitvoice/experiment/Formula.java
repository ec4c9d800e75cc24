package org.exitvoice.experiment;

import org.exitvoice.model.RunResult;

/**
 * A metric's arithmetic over measures and numbers ({@code sum.arrests / sum.protesters}); a division by zero, or a
 * measure that did not occur, gives no value (NaN).
 */
public sealed interface Formula extends java.io.Serializable
        permits Formula.Constant, Formula.Read, Formula.Negative, Formula.Arithmetic {

    /** The formula's value for a finished run. */
    double of(RunResult run);

    /** The formula as a plain name, operators in words: {@code sum_arrests_per_sum_protesters}. */
    String plainName();

    /** A number written in the metric. */
    record Constant(double value) implements Formula {
        @Override
        public double of(RunResult run) {
            return value;
        }

        @Override
        public String plainName() {
            return Metric.plain(Metric.number(value));
        }
    }

    /** A measure of the run. */
    record Read(Measure measure) implements Formula {
        @Override
        public double of(RunResult run) {
            return measure.of(run);
        }

        @Override
        public String plainName() {
            return measure.plainName();
        }
    }

    /** {@code -x}. */
    record Negative(Formula operand) implements Formula {
        @Override
        public double of(RunResult run) {
            return -operand.of(run);
        }

        @Override
        public String plainName() {
            return "minus_" + operand.plainName();
        }
    }

    /** {@code a + b}, {@code a - b}, {@code a * b} or {@code a / b}. */
    record Arithmetic(char operator, Formula left, Formula right) implements Formula {
        @Override
        public double of(RunResult run) {
            double a = left.of(run), b = right.of(run);
            return switch (operator) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> b == 0 ? Double.NaN : a / b;
            };
        }

        @Override
        public String plainName() {
            String word = switch (operator) {
                case '+' -> "plus";
                case '-' -> "minus";
                case '*' -> "times";
                default -> "per";
            };
            return left.plainName() + "_" + word + "_" + right.plainName();
        }
    }
}
