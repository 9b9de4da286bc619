package de.kkb.intake;

import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.springframework.web.util.WebUtils;

/**
 * What the application page keeps in the visitor's session: the one-time form tokens it handed out
 * (each page's hidden field {@code formToken}), which request each used token led to, and the
 * confirmation of the last request until it has been shown.
 *
 * <p>A token leads to at most one request: the second POST of a double click, or the same form sent
 * again with the browser's back button, finds its token used and gets the confirmation of the first
 * request instead of a second one. The access token of a request stays here only until the
 * confirmation page has shown it once.
 *
 * <p>Callers hold a lock of the cluster on the session while they check and use a token, read the
 * instance as stored then and store it before letting go, so that the two POSTs of a double click,
 * which arrive in parallel, perhaps at two nodes, start one request.
 */
final class PageSubmissions implements Serializable {

  @Serial
  private static final long serialVersionUID = 1L;

  static final String ATTRIBUTE = PageSubmissions.class.getName();
  /** Enough for several tabs; the oldest unused token is forgotten first. */
  static final int MAX_TOKENS = 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Token → reference of the request it led to, or "" while unused. */
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private String reference;
  private String accessToken;

  /** The visitor's instance, created once per session. */
  static PageSubmissions of(HttpSession session) {
    synchronized (WebUtils.getSessionMutex(session)) {
      PageSubmissions submissions = (PageSubmissions) session.getAttribute(ATTRIBUTE);
      if (submissions == null) {
        submissions = new PageSubmissions();
        session.setAttribute(ATTRIBUTE, submissions);
      }
      return submissions;
    }
  }

  /**
   * Puts the instance into the session again after a change: sessions live in the database (Spring
   * Session), which writes an attribute only when it is set, not when the object changes.
   */
  void store(HttpSession session) {
    session.setAttribute(ATTRIBUTE, this);
  }

  /** The instance of the session, if the session has one. */
  static PageSubmissions existing(HttpSession session) {
    return session == null ? null : (PageSubmissions) session.getAttribute(ATTRIBUTE);
  }

  /** A new one-time token for a form shown. */
  synchronized String issue() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    while (tokens.size() >= MAX_TOKENS) {
      String oldest = tokens.entrySet().stream().filter(entry -> entry.getValue().isEmpty())
          .map(Map.Entry::getKey).findFirst().orElse(tokens.keySet().iterator().next());
      tokens.remove(oldest);
    }
    tokens.put(token, "");
    return token;
  }

  /** The reference of the request this token already led to, or null. */
  synchronized String usedFor(String token) {
    String used = token == null ? null : tokens.get(token);
    return used == null || used.isEmpty() ? null : used;
  }

  /** Marks the token used for this request and keeps the confirmation to show. */
  synchronized void submitted(String token, String reference, String accessToken) {
    if (token != null && tokens.containsKey(token)) {
      tokens.put(token, reference);
    }
    this.reference = reference;
    this.accessToken = accessToken;
  }

  /** The reference of the last request submitted in this session, or null. */
  synchronized String reference() {
    return reference;
  }

  /** The access token of the last request, once: afterwards it is gone from the session. */
  synchronized String takeAccessToken() {
    String token = accessToken;
    accessToken = null;
    return token;
  }
}
