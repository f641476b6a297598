package fi.muutos.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that starts applications of its own (restarts, other profiles). Surefire runs each
 * such class in a fresh JVM: Camunda's webapps and process application container are JVM-wide, so
 * two live applications in one JVM would share them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("own-jvm")
public @interface OwnJvm {}
