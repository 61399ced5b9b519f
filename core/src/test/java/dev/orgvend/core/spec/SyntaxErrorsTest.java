package dev.orgvend.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.orgvend.core.plan.PlanJson;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file holding a secret, given as the plan or the spec, must not have the secret repeated by
 * the error that refuses it: not whole, not in part.
 */
class SyntaxErrorsTest {
  static final String SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY";

  /** Every 8-character piece of the secret: none may appear in a message. */
  private static List<String> pieces() {
    return java.util.stream.IntStream.rangeClosed(0, SECRET.length() - 8)
        .mapToObj(i -> SECRET.substring(i, i + 8)).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"%s", "%s\n", "[%s]", "{\"format\": %s}", "{%s: 1}", "{\"a\": 1 %s}",
      "[1, %s", "{\"format\": 1, \"x\": \"%s", "\"%s\" \"%s\"", "{\"a\": -%s}", "{\"a\": 0%s}",
      "{\"a\": \"\\%s\"}", "[\"%s\"] %s", "tru%s", "{\"a\" %s}", "{\"a\": 1}}%s",
      "aws_secret_access_key = %s"})
  void planRead_whenTheFileHoldsASecret_neverRepeatsIt(String template) {
    String text = template.replace("%s", SECRET);

    Throwable refused = catchThrowable(() -> PlanJson.read(text));

    assertThat(refused).isInstanceOf(IllegalArgumentException.class);
    assertThat(refused.getMessage()).doesNotContain(pieces().toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[default]\naws_secret_access_key = %s\n",
      "version: 1\nx: !%s!y z\n", "version: 1\nx: \"%s\\q\"\n", "version: 1\nx: '%s\n",
      "version: 1\nx: {a: %s: b}\n", "version: 1\n  x: %s\n y: 1\n", "version: 1\nx: [%s\n",
      "version: 1\nx: &%s/ y\n", "version: 1\nx: \"\\u%s\"\n", "%s: [\n", "- %s\n- : :\n",
      "version: 1\nx: 1%s\n", "version: 1\nx: |%s\n  y\n"})
  void specLoad_whenTheFileHoldsASecretAndDoesNotParse_neverRepeatsIt(String template) {
    String yaml = template.replace("%s", SECRET);

    SpecResult result = SpecLoader.create().parse("orgvend.yaml", yaml);

    assertThat(result).isInstanceOf(SpecResult.Invalid.class);
    String messages = ((SpecResult.Invalid) result).problems().stream().map(Problem::toString)
        .filter(m -> m.contains("syntax error") || m.contains("cannot read the YAML"))
        .collect(Collectors.joining("\n"));
    assertThat(messages).doesNotContain(pieces().toArray(String[]::new));
  }

  @Test
  void json_saysWhatKindOfTokenAndWhatWasExpected() {
    Throwable refused = catchThrowable(() -> PlanJson.read("{\"format\": 1,\n  oops: 2}"));

    assertThat(refused).hasMessage("not a saved plan: the JSON does not parse at line 2, column"
        + " 3: unexpected letter; expected a member name in double quotes");
  }

  @Test
  void yaml_keepsTokenNamesAndSingleCharactersButNotQuotedText() {
    assertThat(SyntaxErrors.yaml("expected <block end>, but found '<block mapping start>'"))
        .isEqualTo("expected <block end>, but found '<block mapping start>'");
    assertThat(SyntaxErrors.yaml("found character '\\t(TAB)' that cannot start any token"))
        .isEqualTo("found character '\\t(TAB)' that cannot start any token");
    assertThat(SyntaxErrors.yaml("expected 'x', but found '" + SECRET + "'"))
        .isEqualTo("expected 'x', but found '…'");
    assertThat(SyntaxErrors.yaml("found undefined tag handle !" + SECRET + "!"))
        .isEqualTo("found an undefined tag handle");
  }
}
