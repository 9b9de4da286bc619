package de.kkb.dataprotection;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strings that identify one person (e-mail address, name, phone number), found in and taken out
 * of free text. Matching ignores case; only whole strings are found (a surname alone is not, since
 * it may be any word of a text).
 */
record PersonalText(List<String> identifiers) {

  PersonalText {
    identifiers = identifiers.stream().filter(s -> s != null && s.strip().length() >= 3)
        .map(String::strip).filter(s -> !s.equals(ErasedContact.NAME) && !ErasedContact.isPlaceholder(s))
        .distinct().sorted((a, b) -> b.length() - a.length()).toList();
  }

  static PersonalText of(Collection<String> identifiers) {
    return new PersonalText(List.copyOf(identifiers.stream().filter(s -> s != null).toList()));
  }

  boolean isEmpty() {
    return identifiers.isEmpty();
  }

  boolean foundIn(String text) {
    if (text == null || identifiers.isEmpty()) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return identifiers.stream().anyMatch(s -> lower.contains(s.toLowerCase(Locale.ROOT)));
  }

  /** The text with every identifier replaced by {@link ErasedContact#IN_TEXT}. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String identifier : identifiers) {
      result = Pattern.compile(Pattern.quote(identifier), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
          .matcher(result).replaceAll(Matcher.quoteReplacement(ErasedContact.IN_TEXT));
    }
    return result;
  }
}
