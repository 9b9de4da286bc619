package de.kkb.dataprotection;

import java.util.List;

import de.kkb.support.PostgresDatabases;
import org.junit.jupiter.api.Tag;

/** {@link DataProtectionScenario} on the local PostgreSQL server, in a fresh database. */
@Tag("postgres")
@Tag("own-jvm")
class DataProtectionPostgresTest extends DataProtectionScenario {

  @Override
  List<String> profiles() {
    return List.of("test", "postgres");
  }

  @Override
  String[] databaseProperties() {
    return new String[] {"KKB_DB_URL=" + PostgresDatabases.fresh("kkb_erasure")};
  }
}
