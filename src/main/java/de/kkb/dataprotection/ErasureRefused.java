package de.kkb.dataprotection;

/** An erasure the platform may not carry out (retention, open work); the message is German and shown as it is. */
public class ErasureRefused extends RuntimeException {

  public ErasureRefused(String message) {
    super(message);
  }
}
