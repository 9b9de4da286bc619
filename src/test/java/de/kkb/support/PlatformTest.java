package de.kkb.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test context of the default suite: the whole platform on a free port, in-memory H2.
 * Camunda keeps engines in a static registry by name, so two open contexts would share the name
 * "default"; every test class of the default suite therefore uses exactly this configuration, and
 * tests that start platforms themselves are tagged {@code own-jvm} and run in a JVM of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface PlatformTest {
}
