package de.kkb.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed-login throttling ({@code kkb.security.login.*}): after {@code maxFailures} wrong passwords
 * for one user id within {@code lockout}, that id is locked for {@code lockout}, then unlocked by
 * itself.
 */
@ConfigurationProperties("kkb.security.login")
public record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration lockout) {
}
