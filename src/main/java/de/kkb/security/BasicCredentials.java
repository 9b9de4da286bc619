package de.kkb.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against the engine's users, for the platform's own APIs: who is calling, and in which
 * groups.
 */
@Component
public class BasicCredentials {

  private final IdentityService identityService;

  public BasicCredentials(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Optional<Caller> authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return Optional.empty();
    }
    String[] credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
          StandardCharsets.UTF_8).split(":", 2);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (credentials.length != 2 || !identityService.checkPassword(credentials[0], credentials[1])) {
      return Optional.empty();
    }
    List<String> groups = identityService.createGroupQuery().groupMember(credentials[0]).list().stream()
        .map(Group::getId).toList();
    return Optional.of(new Caller(credentials[0], groups));
  }

  /**
   * The problem response for a caller who is not logged in (401) or not in one of the groups (403),
   * or empty when the caller may proceed.
   */
  public Optional<ResponseEntity<ProblemDetail>> refusal(String authorization, String forbiddenDetail,
      String... groups) {
    Optional<Caller> caller = authenticate(authorization);
    if (caller.isEmpty()) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
          "Bitte mit Benutzerkennung und Passwort der Plattform anmelden (HTTP Basic).");
      problem.setTitle("Anmeldung erforderlich");
      return Optional.of(ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"KKB\"").body(problem));
    }
    if (!caller.get().isIn(groups)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, forbiddenDetail);
      problem.setTitle("Keine Berechtigung");
      return Optional.of(ResponseEntity.status(HttpStatus.FORBIDDEN)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
    }
    return Optional.empty();
  }

  public record Caller(String userId, List<String> groups) {

    public boolean isIn(String... anyOf) {
      return List.of(anyOf).stream().anyMatch(groups::contains);
    }
  }
}
