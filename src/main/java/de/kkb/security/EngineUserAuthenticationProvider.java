package de.kkb.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against the engine's users: the password is checked by the engine's identity service,
 * the user's groups become the authorities. Failed attempts count towards the {@link LoginThrottle}.
 */
@Component
class EngineUserAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  EngineUserAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    Optional<Duration> locked = throttle.lockedFor(userId);
    if (locked.isPresent()) {
      throw new LoginLockedException(locked.get());
    }
    if (credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
      throttle.failed(userId);
      throw new BadCredentialsException("wrong user id or password");
    }
    throttle.succeeded(userId);
    return authenticated(userId, groupsOf(identityService, userId));
  }

  static List<String> groupsOf(IdentityService identityService, String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  static Authentication authenticated(String userId, List<String> groups) {
    return UsernamePasswordAuthenticationToken.authenticated(userId, null,
        groups.stream().map(SimpleGrantedAuthority::new).toList());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** A login refused because the id is locked for a while. */
  static class LoginLockedException extends LockedException {

    private final Duration remaining;

    LoginLockedException(Duration remaining) {
      super("locked");
      this.remaining = remaining;
    }

    Duration remaining() {
      return remaining;
    }
  }
}
