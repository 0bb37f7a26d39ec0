package ttlab.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many points a test is worth; a test without it is worth {@value #DEFAULT}.
 *
 * <p>On a method, it is the points of that test. A parameterized, repeated or factory test is
 * worth its points in total: they are split evenly across its invocations, so each passing case
 * earns its share (partial credit). On a class, it is the points of each test in the class (and
 * in its nested classes) that does not say otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Points {

    /** The points of an unannotated test. */
    double DEFAULT = 1.0;

    double value();
}
