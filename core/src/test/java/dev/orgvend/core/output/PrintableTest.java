package dev.orgvend.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;

class PrintableTest {
  /** Every kind of character a terminal acts on, or that hides or reorders text. */
  static final String HOSTILE = "Evil\u001b[2J\u001b]0;pwned\u0007\n+ create account x\r\t"
      + "\u007f\u0085\u009b\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
      + "\u200e\u200f\u061c\u200b\ufeff\ud800\uffff";

  @Test
  void of_escapesEveryUnsafeCharacterVisibly() {
    assertThat(Printable.of(HOSTILE)).isEqualTo("Evil\\x1b[2J\\x1b]0;pwned\\x07\\n+ create"
        + " account x\\r\\t\\x7f\\x85\\x9b\\u2028\\u2029\\u202a\\u202b\\u202c\\u202d\\u202e"
        + "\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\\u200b\\ufeff\\ud800\\uffff");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Workloads/Prod", "café 日本 Ωmega", "a\u00a0b", "😀 emoji",
      "tab-less", "back\\slash \"quotes\" <b>&"})
  void of_leavesPrintableTextAlone(String text) {
    assertThat(Printable.of(text)).isSameAs(text);
  }

  @Test
  void of_whenTheResultIsEscapedAgain_changesNothing() {
    String once = Printable.of(HOSTILE);

    assertThat(Printable.of(once)).isEqualTo(once);
    assertThat(once.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
  }

  @Test
  void of_escapesSupplementaryFormatCharactersWithEightDigits() {
    assertThat(Printable.of("tag\udb40\udc01")).isEqualTo("tag\\U000e0001");
  }

  @Test
  void of_whenNull_saysNull() {
    assertThat(Printable.of((String) null)).isEqualTo("null");
    assertThat(Printable.of((Object) null)).isEqualTo("null");
  }

  @Test
  void quote_escapesQuotesAndBackslashesAndCutsLongValues() {
    assertThat(Printable.quote("a\"b\\c\u001b")).isEqualTo("\"a\\\"b\\\\c\\x1b\"");
    assertThat(Printable.quote("x".repeat(65))).isEqualTo("\"" + "x".repeat(64) + "…\"");
  }

  @Test
  void firstUnsafe_findsTheFirstUnsafeCodePoint() {
    assertThat(Printable.firstUnsafe("plain")).isEqualTo(-1);
    assertThat(Printable.firstUnsafe("a\u202eb\u001b")).isEqualTo(0x202e);
    assertThat(Printable.name(0x1b)).isEqualTo("U+001B");
  }

  @Test
  void xml_whenTextIsHostile_isWellFormedXmlThatShowsTheEscapes() throws Exception {
    String xml = "<r a=\"" + Printable.xml(HOSTILE + "<&>'\"") + "\">"
        + Printable.xml(HOSTILE) + "</r>";

    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml)));

    assertThat(doc.getDocumentElement().getAttribute("a"))
        .isEqualTo(Printable.of(HOSTILE) + "<&>'\"");
    assertThat(doc.getDocumentElement().getTextContent()).isEqualTo(Printable.of(HOSTILE));
  }

  @Test
  void jsonEscapes_whenTextIsHostile_writeOnlySafeTextThatReadsBackAsTheSameText()
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    json.getFactory().setCharacterEscapes(Printable.jsonEscapes());
    ObjectNode node = json.createObjectNode().put(HOSTILE, HOSTILE + " é 😀");

    String written = json.writeValueAsString(node);

    assertThat(Printable.firstUnsafe(written)).as(written).isEqualTo(-1);
    assertThat(written).contains("\\u202e", "\\u001B", "\\u2028", "\\ud800", "\\u0085",
        "\\u007F", " é ");
    assertThat(new ObjectMapper().readTree(written)).isEqualTo(node);
  }
}
