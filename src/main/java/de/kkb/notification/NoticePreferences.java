package de.kkb.notification;

import java.util.HashSet;
import java.util.Set;

import de.kkb.platform.EngineAsPlatform;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each person's {@link DigestPreference}, kept with the user as Camunda user info
 * ({@value #USER_INFO_KEY}: täglich, sofort or keine; täglich when not set). People change it
 * themselves on the page "Benachrichtigungen" ({@code /mein-konto/benachrichtigungen}).
 */
@Component
public class NoticePreferences {

  public static final String USER_INFO_KEY = "kkb-benachrichtigung";

  private final IdentityService identity;
  private final JdbcTemplate jdbc;

  public NoticePreferences(@Lazy IdentityService identity, JdbcTemplate jdbc) {
    this.identity = identity;
    this.jdbc = jdbc;
  }

  public DigestPreference of(String userId) {
    String stored = EngineAsPlatform.call(() -> identity.getUserInfo(userId, USER_INFO_KEY));
    return stored == null ? DigestPreference.DAILY : DigestPreference.ofLabel(stored).orElse(DigestPreference.DAILY);
  }

  /**
   * Everyone who chose {@code preference} (not {@link DigestPreference#DAILY}, which is also whoever
   * chose nothing), in one query of the engine's user info table instead of one call per person:
   * a new task asks this for every candidate group.
   */
  public Set<String> choosing(DigestPreference preference) {
    if (preference == DigestPreference.DAILY) {
      throw new IllegalArgumentException("täglich is also everyone who chose nothing");
    }
    return new HashSet<>(jdbc.queryForList("SELECT USER_ID_ FROM ACT_ID_INFO WHERE TYPE_ = 'userinfo' "
        + "AND KEY_ = ? AND VALUE_ = ?", String.class, USER_INFO_KEY, preference.label()));
  }

  public void set(String userId, DigestPreference preference) {
    EngineAsPlatform.call(() -> {
      identity.setUserInfo(userId, USER_INFO_KEY, preference.label());
      return null;
    });
  }

}
