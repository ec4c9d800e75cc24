package org.exitvoice.validation;

import java.util.function.Predicate;

/** The groups of targets a validation is scored over: all of them, the destination split, in and out of sample. */
public enum TargetGroup {
    ALL("all", "all targets", r -> true),
    DESTINATIONS("destinations", "destination split (crossing counts)", r -> r.comparison().destination()),
    IN_SAMPLE("in_sample", "in sample (ending by " + Target.IN_SAMPLE_END + ")", r -> r.comparison().inSample()),
    OUT_OF_SAMPLE("out_of_sample", "out of sample (ending later)", r -> !r.comparison().inSample());

    private final String id, label;
    private final Predicate<ValidationRow> member;

    TargetGroup(String id, String label, Predicate<ValidationRow> member) {
        this.id = id;
        this.label = label;
        this.member = member;
    }

    /** The group's name in scores.csv. */
    public String id() {
        return id;
    }

    /** The group in words, as the console and the Markdown table name it. */
    public String label() {
        return label;
    }

    /** Whether a row belongs to the group. */
    public boolean holds(ValidationRow r) {
        return member.test(r);
    }
}
