package dk.servicepuls.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test helper made new before each test and closed after it (when it is {@link AutoCloseable}), by
 * {@link PerTestFields}: its type needs a constructor that takes a {@link ServiceUnderTest}. Each field gets its
 * own instance, so two scenarios in one test are two departments.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PerTest {
}
