package org.exitvoice.scenario;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents one scenario key: meaning, unit, allowed range and source (read by the validator, the GUI levers and the ODD table). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Param {
    /** What the key means, one sentence. */
    String doc();

    /** Unit, e.g. "persons/day"; empty when dimensionless. */
    String unit() default "";

    /** Smallest allowed value (numbers only). */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value (numbers only). */
    double max() default Double.POSITIVE_INFINITY;

    /** Where the default comes from: a citation, or "assumed: ..." / "calibrated: ...". */
    String source() default "";
}
