package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scanner that {@link SecretsScanIT} trusts to find leaks does find them: a secret planted
 * in each form a leak could take is reported, and text without it is clean.
 */
class SecretScannerTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  @TempDir Path dir;

  /** A secret shaped like the sandbox's: random base64 characters, '+' and '/' included. */
  private static String secret(int length) {
    StringBuilder out = new StringBuilder("+/");
    while (out.length() < length) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  private static byte[] base64Of(String prefix, String secret, Base64.Encoder encoder) {
    return encoder.encode((prefix + secret + " trailing text").getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> leaks() {
    return Stream.of(
        Arguments.of("as is, inside a log line",
            (UnaryOperator<String>) s -> "2026-01-01 retrying with key=" + s + " after 503"),
        Arguments.of("URL-encoded in a form body",
            (UnaryOperator<String>) s -> "Action=X&Secret=" + URLEncoder.encode(s,
                StandardCharsets.UTF_8) + "&Version=1"),
        Arguments.of("URL-encoded with lower-case hex",
            (UnaryOperator<String>) s -> "q=" + URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("%2B", "%2b").replace("%2F", "%2f")),
        Arguments.of("JSON with escaped slashes",
            (UnaryOperator<String>) s -> "{\"secret\":\"" + s.replace("/", "\\/") + "\"}"),
        Arguments.of("the first half only",
            (UnaryOperator<String>) s -> "key starts " + s.substring(0, s.length() / 2)),
        Arguments.of("base64, aligned",
            (UnaryOperator<String>) s -> new String(base64Of("", s, Base64.getEncoder()),
                StandardCharsets.US_ASCII)),
        Arguments.of("base64 after one byte",
            (UnaryOperator<String>) s -> new String(base64Of("a", s, Base64.getEncoder()),
                StandardCharsets.US_ASCII)),
        Arguments.of("base64 after two bytes",
            (UnaryOperator<String>) s -> new String(base64Of("ab", s, Base64.getEncoder()),
                StandardCharsets.US_ASCII)),
        Arguments.of("URL-safe base64 after five bytes, as in a basic auth header",
            (UnaryOperator<String>) s -> "Authorization: Basic " + new String(
                base64Of("user:", s, Base64.getUrlEncoder()), StandardCharsets.US_ASCII)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leaks")
  void scan_whenTheSecretWasPlanted_findsIt(String how, UnaryOperator<String> plant) {
    String secret = secret(40);
    SecretScanner scanner = new SecretScanner(Map.of("the planted secret", secret));

    assertThat(scanner.scan("planted.log", "before\n" + plant.apply(secret) + "\nafter"))
        .extracting(SecretScanner.Leak::secret).containsOnly("the planted secret");
  }

  @Test
  void scan_whenTheSecretIsInUtf16_findsIt() {
    String secret = secret(40);
    SecretScanner scanner = new SecretScanner(Map.of("utf16", secret));

    assertThat(scanner.scan("x.bin", ("..." + secret).getBytes(StandardCharsets.UTF_16LE)))
        .extracting(SecretScanner.Leak::secret).containsOnly("utf16");
  }

  @Test
  void scan_whenOnlyOtherTextIsThere_findsNothing() {
    String secret = secret(40);
    String other = secret(40);
    SecretScanner scanner = new SecretScanner(Map.of("s", secret));

    // Everything but the secret: another random key, and a piece one character too short.
    String text = "key " + other + " piece " + secret.substring(3, 3 + SecretScanner.FRAGMENT - 1);

    assertThat(scanner.scan("clean.log", text)).isEmpty();
  }

  @Test
  void scan_whenTheSecretIsInASqliteDatabase_findsItInTheFileBytes() throws Exception {
    String secret = secret(60);
    Path db = dir.resolve("planted.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, detail TEXT)");
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO t (detail) VALUES (?)")) {
        p.setString(1, "failed with " + secret);
        p.executeUpdate();
      }
    }

    SecretScanner scanner = new SecretScanner(Map.of("in the db", secret));

    assertThat(scanner.scan(db.toString(), Files.readAllBytes(db)))
        .extracting(SecretScanner.Leak::secret).contains("in the db");
  }
}
