package dev.orgvend.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void toString_rendersFileLineColumnPathAndMessage() {
    Problem problem = new Problem("orgvend.yaml", 12, 10, "accounts[3].email",
        "\"foo\" is not a valid e-mail address");

    assertThat(problem).hasToString(
        "orgvend.yaml:12:10: accounts[3].email: \"foo\" is not a valid e-mail address");
  }

  @Test
  void toString_leavesOutWhatIsUnknown() {
    assertThat(new Problem("orgvend.yaml", 3, 1, "", "YAML syntax error: x"))
        .hasToString("orgvend.yaml:3:1: YAML syntax error: x");
    assertThat(new Problem("orgvend.yaml", 0, 0, "", "no such file"))
        .hasToString("orgvend.yaml: no such file");
  }

  @Test
  void problems_sortsByPositionKeepingDiscoveryOrderForTies() {
    Problems problems = new Problems("f.yaml");
    problems.add(new Mark(5, 1), "b", "second");
    problems.add(new Mark(2, 7), "a", "first");
    problems.add(new Mark(5, 1), "c", "third");
    problems.add(Mark.NONE, "", "file");

    assertThat(problems.sorted()).extracting(Problem::toString).containsExactly(
        "f.yaml: file", "f.yaml:2:7: a: first", "f.yaml:5:1: b: second", "f.yaml:5:1: c: third");
  }

  @Test
  void invalid_needsAtLeastOneProblem() {
    assertThatThrownBy(() -> new SpecResult.Invalid(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
