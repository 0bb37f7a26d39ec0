package ttlab.grader;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

/**
 * Finds the {@link Points} of a test method: on the method, else on its class or a class that
 * encloses it, else {@link Points#DEFAULT}.
 *
 * <p>The annotation is matched by name, not by {@code Class} identity: a test class from a
 * notebook may see {@code ttlab.grader.Points} through a class loader of its own, and its
 * annotation would then be a different class that {@code getAnnotation(Points.class)} misses.
 */
final class PointsLookup {

    private static final String POINTS = Points.class.getName();

    private PointsLookup() {
    }

    static double pointsOf(Class<?> testClass, Method method) {
        Double own = method == null ? null : declared(method);
        if (own != null) {
            return own;
        }
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Double onClass = declared(c);
            if (onClass != null) {
                return onClass;
            }
        }
        return Points.DEFAULT;
    }

    private static Double declared(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getName().equals(POINTS)) {
                return valueOf(annotation);
            }
        }
        return null;
    }

    private static double valueOf(Annotation points) {
        if (points instanceof Points) {
            return ((Points) points).value();
        }
        try {
            return (double) points.annotationType().getMethod("value").invoke(points);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + points, e);
        }
    }
}
