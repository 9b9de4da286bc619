package de.kkb.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
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

  public record Caller(String userId, List<String> groups) {

    public boolean isIn(String... anyOf) {
      return List.of(anyOf).stream().anyMatch(groups::contains);
    }
  }
}
