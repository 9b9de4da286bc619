package de.kkb.dataprotection;

/** Nothing is stored under the address or reference asked for. */
public class NothingStored extends RuntimeException {

  public NothingStored(String message) {
    super(message);
  }
}
