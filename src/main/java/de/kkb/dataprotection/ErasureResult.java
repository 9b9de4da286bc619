package de.kkb.dataprotection;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an erasure did: per store, how many entries were erased or anonymised, and what was kept and
 * why. Counts and stores only, never the data.
 */
public record ErasureResult(String subject, Map<String, Integer> erased, List<String> kept) {

  public String summary() {
    String counts = erased.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    return (counts.isEmpty() ? "nichts zu löschen" : counts) + (kept.isEmpty() ? "" : "; behalten: " + String.join("; ", kept));
  }
}
