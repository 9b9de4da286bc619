package de.kkb.security;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The user ids locked after failed logins, for admins (guarded by the security layer). */
@RestController
class LoginLockController {

  private final LoginThrottle throttle;

  LoginLockController(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @GetMapping(value = "/api/admin/login-locks", produces = MediaType.APPLICATION_JSON_VALUE)
  List<LoginThrottle.Lock> locks() {
    return throttle.locks();
  }
}
