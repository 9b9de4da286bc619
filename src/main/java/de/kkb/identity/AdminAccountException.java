package de.kkb.identity;

/** The operator's admin account is missing or its password is too weak; the platform does not start. */
public class AdminAccountException extends RuntimeException {

  public AdminAccountException(String message) {
    super(message);
  }
}
