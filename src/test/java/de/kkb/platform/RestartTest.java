package de.kkb.platform;

import java.nio.file.Path;
import java.util.List;

import de.kkb.support.RestartCheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarting on the same database with unchanged models deploys nothing new. */
@Tag("own-jvm")
class RestartTest {

  @TempDir
  Path dataDir;

  @Test
  void twoRestartsOnTheSameH2FileCreateNoNewVersions() {
    RestartCheck.assertRestartsCreateNoNewVersions(List.of(),
        "spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("kkb") + ";DB_CLOSE_ON_EXIT=FALSE");
  }
}
