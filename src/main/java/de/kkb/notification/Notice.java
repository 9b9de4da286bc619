package de.kkb.notification;

import java.util.Map;

/**
 * One notice to one recipient: which template, about which request or consultation, and a key that
 * makes it unique (the same key never produces a second notification).
 */
public record Notice(String template, String recipient, String businessKey, String key,
    Map<String, Object> model) {
}
