package de.kkb.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sets the engine clock (Europe/Berlin local time, e.g. {@code "2023-07-03T09:00"}) before each
 * test of the class and resets it afterwards, so no test depends on the wall clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EngineTime.Extension.class)
public @interface EngineTime {

  String value();

  class Extension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
      EngineTime time = context.getRequiredTestClass().getAnnotation(EngineTime.class);
      Jobs.setClock(time.value());
    }

    @Override
    public void afterEach(ExtensionContext context) {
      ClockUtil.reset();
    }
  }
}
