package de.kkb.notification;

import de.kkb.platform.EngineAsPlatform;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Lazy;
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

  public NoticePreferences(@Lazy IdentityService identity) {
    this.identity = identity;
  }

  public DigestPreference of(String userId) {
    String stored = EngineAsPlatform.call(() -> identity.getUserInfo(userId, USER_INFO_KEY));
    return stored == null ? DigestPreference.DAILY : DigestPreference.ofLabel(stored).orElse(DigestPreference.DAILY);
  }

  public void set(String userId, DigestPreference preference) {
    EngineAsPlatform.call(() -> {
      identity.setUserInfo(userId, USER_INFO_KEY, preference.label());
      return null;
    });
  }

}
