package dev.orgvend.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Looks for secrets in captured bytes: each secret whole, in the encodings a leak could take
 * (URL encoding, JSON escaping, base64 at every alignment, UTF-16), and in part (any
 * {@value #FRAGMENT}-character piece). Reports name the secret by its label, never its value,
 * so a failing test does not print what it found.
 */
final class SecretScanner {
  /** Shorter pieces of random keys could occur by chance; longer ones are a leak. */
  static final int FRAGMENT = 16;

  /** One place a secret was seen: the source, the secret's label, and the form it took. */
  record Leak(String where, String secret, String form) {
    @Override
    public String toString() {
      return where + ": " + secret + " (" + form + ")";
    }
  }

  /** Encoded forms by label, then form name. */
  private final Map<String, Map<String, String>> forms = new LinkedHashMap<>();
  /** Every {@value #FRAGMENT}-character piece of every secret, to its label. */
  private final Map<String, String> fragments = new HashMap<>();

  /** {@code secrets} maps a label (e.g. "session token of ASIA…") to the secret value. */
  SecretScanner(Map<String, String> secrets) {
    secrets.forEach((label, secret) -> {
      if (secret.length() < FRAGMENT) {
        throw new IllegalArgumentException(label + " is too short to look for safely");
      }
      forms.put(label, encodings(secret));
      for (int i = 0; i + FRAGMENT <= secret.length(); i++) {
        fragments.put(secret.substring(i, i + FRAGMENT), label);
      }
    });
  }

  private static Map<String, String> encodings(String secret) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("as is", secret);
    String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    out.put("URL-encoded", url);
    out.put("URL-encoded, lower-case hex", lowerHex(url));
    out.put("JSON-escaped", secret.replace("/", "\\/"));
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    // Inside a longer base64 text the secret starts at one of three alignments; for each,
    // the characters that depend on the secret's bytes alone are the same whatever surrounds it.
    for (int skip = 0; skip < 3; skip++) {
      int whole = (bytes.length - skip) / 3 * 3;
      byte[] aligned = Arrays.copyOfRange(bytes, skip, skip + whole);
      out.put("base64 from byte " + skip,
          Base64.getEncoder().withoutPadding().encodeToString(aligned));
      out.put("URL-safe base64 from byte " + skip,
          Base64.getUrlEncoder().withoutPadding().encodeToString(aligned));
    }
    out.put("UTF-16LE", new String(secret.getBytes(StandardCharsets.UTF_16LE),
        StandardCharsets.ISO_8859_1));
    out.put("UTF-16BE", new String(secret.getBytes(StandardCharsets.UTF_16BE),
        StandardCharsets.ISO_8859_1));
    return out;
  }

  private static String lowerHex(String urlEncoded) {
    StringBuilder out = new StringBuilder(urlEncoded);
    for (int i = out.indexOf("%"); i >= 0 && i + 2 < out.length(); i = out.indexOf("%", i + 1)) {
      out.replace(i + 1, i + 3, out.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  /** Every secret seen in {@code bytes}, read one byte to a character so any file will do. */
  List<Leak> scan(String where, byte[] bytes) {
    String hay = new String(bytes, StandardCharsets.ISO_8859_1);
    List<Leak> leaks = new ArrayList<>();
    forms.forEach((label, encoded) -> encoded.forEach((form, text) -> {
      if (hay.contains(text)) {
        leaks.add(new Leak(where, label, form));
      }
    }));
    Map<String, Leak> pieces = new LinkedHashMap<>();
    for (int i = 0; i + FRAGMENT <= hay.length(); i++) {
      String label = fragments.get(hay.substring(i, i + FRAGMENT));
      if (label != null && leaks.stream().noneMatch(l -> l.secret().equals(label))) {
        // The first piece of each secret is enough to report.
        pieces.putIfAbsent(label, new Leak(where, label,
            "a " + FRAGMENT + "-character piece at byte " + i));
      }
    }
    leaks.addAll(pieces.values());
    return leaks;
  }

  List<Leak> scan(String where, String text) {
    return scan(where, text.getBytes(StandardCharsets.UTF_8));
  }
}
