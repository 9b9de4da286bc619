package de.kkb.dataprotection;

import java.util.List;

import org.junit.jupiter.api.Tag;

/** {@link DataProtectionScenario} on H2, in the default suite (a platform of its own, hence its own JVM). */
@Tag("own-jvm")
class DataProtectionTest extends DataProtectionScenario {

  @Override
  List<String> profiles() {
    return List.of("test");
  }

  @Override
  String[] databaseProperties() {
    return new String[0];
  }
}
