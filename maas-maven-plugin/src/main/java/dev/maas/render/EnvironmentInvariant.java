package dev.maas.render;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Generator} whose objects are the same in every environment: see {@link
 * Generator#environmentInvariant()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EnvironmentInvariant {

  /** What the generator reads, none of which an environment changes. */
  String reads();
}
