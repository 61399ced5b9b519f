package dev.orgvend.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void quote_escapesQuotesBackslashesAndInvisibleCharacters() {
    assertThat(Text.quote("a\"b\\c\n\t\u0007\u202E\u200Bé"))
        .isEqualTo("\"a\\\"b\\\\c\\n\\t\\x07\\u202e\\u200bé\"");
  }

  @Test
  void quote_whenLong_keepsTheFirst64CodePoints() {
    assertThat(Text.quote("x".repeat(65))).isEqualTo("\"" + "x".repeat(64) + "…\"");
    assertThat(Text.quote("x".repeat(64))).isEqualTo("\"" + "x".repeat(64) + "\"");
  }

  @Test
  void forbiddenChar_refusesControlCharactersLineBreaksAndFormatCharacters() {
    assertThat(Text.forbiddenChar("ok é 日本 \u00A0")).isEqualTo(-1);
    assertThat(Text.forbiddenChar("tab\t")).isEqualTo('\t');
    assertThat(Text.forbiddenChar("new\nline")).isEqualTo('\n');
    assertThat(Text.forbiddenChar("cr\r")).isEqualTo('\r');
    assertThat(Text.forbiddenChar("sep\u2028")).isEqualTo(0x2028);
    assertThat(Text.forbiddenChar("nul\u0000")).isEqualTo(0);
    assertThat(Text.forbiddenChar("del\u007F")).isEqualTo(0x7F);
    assertThat(Text.forbiddenChar("bidi\u2066")).isEqualTo(0x2066);
    assertThat(Text.forbiddenChar("zero\u200Bwidth")).isEqualTo(0x200B);
  }

  @Test
  void keyPath_quotesKeysThatAreNotPlainWords() {
    assertThat(Text.keyPath("", "accounts")).isEqualTo("accounts");
    assertThat(Text.keyPath("accounts[0].tags", "cost-center"))
        .isEqualTo("accounts[0].tags.cost-center");
    assertThat(Text.keyPath("accounts[0].tags", "aws:x")).isEqualTo("accounts[0].tags[\"aws:x\"]");
    assertThat(Text.keyPath("tags", "a.b")).isEqualTo("tags[\"a.b\"]");
    assertThat(Text.indexPath("accounts", 3)).isEqualTo("accounts[3]");
  }

  @Test
  void distance_countsASwapAsOneEdit() {
    assertThat(Text.distance("emial", "email")).isEqualTo(1);
    assertThat(Text.distance("email", "email")).isZero();
    assertThat(Text.distance("", "abc")).isEqualTo(3);
    assertThat(Text.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void suggest_findsCloseCandidatesIgnoringCase() {
    List<String> keys = List.of("name", "email", "ou", "tags", "roleName");

    assertThat(Text.suggest("rolename", keys)).isEqualTo("roleName");
    assertThat(Text.suggest("emial", keys)).isEqualTo("email");
    assertThat(Text.suggest("tag", keys)).isEqualTo("tags");
    assertThat(Text.suggest("colour", keys)).isNull();
    assertThat(Text.suggest("x".repeat(500), keys)).isNull();
  }
}
