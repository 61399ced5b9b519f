package dev.orgvend.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WildcardTest {
  @Test
  void matches_withStarAndQuestionMark_followsIamRules() {
    assertThat(Wildcard.compile("*").matches("")).isTrue();
    assertThat(Wildcard.compile("s3:get*").matches("s3:getobject")).isTrue();
    assertThat(Wildcard.compile("s3:get*").matches("s3:ge")).isFalse();
    assertThat(Wildcard.compile("s3:*object").matches("s3:getobject")).isTrue();
    assertThat(Wildcard.compile("s3:get?bject").matches("s3:getobject")).isTrue();
    assertThat(Wildcard.compile("s3:get?bject").matches("s3:getoobject")).isFalse();
    assertThat(Wildcard.compile("a*b*c").matches("aXXbYYbZc")).isTrue();
    assertThat(Wildcard.compile("a*b*c").matches("aXXbYYbZ")).isFalse();
    assertThat(Wildcard.compile("**x").matches("x")).isTrue();
    assertThat(Wildcard.compile("exact").matches("Exact")).isFalse();
  }

  @Test
  void literal_whenTextHasWildcardCharacters_matchesThemAsWritten() {
    Wildcard w = Wildcard.builder().pattern("team-").literal("a*").pattern("*").build();
    assertThat(w.matches("team-a*-x")).isTrue();
    assertThat(w.matches("team-abc")).isFalse();
    assertThat(Wildcard.literal("*").matches("anything")).isFalse();
    assertThat(Wildcard.literal("*").matches("*")).isTrue();
  }
}
