package dev.orgvend.sandbox.realism;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiceTest {
  private static final byte[] BODY = "{\"AccountName\":\"a\"}".getBytes(StandardCharsets.UTF_8);

  /** Ten draws at one half, as a string of hits and misses. */
  private static String draws(Dice.Roll roll) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      out.append(roll.chance(0.5) ? 'x' : '.');
    }
    return out.toString();
  }

  private static Dice.Roll roll(Dice dice, String operation) {
    return dice.roll("111122223333", "organizations", operation, "us-east-1", BODY);
  }

  @Test
  void roll_whenSameSeedAndSameRequests_drawsTheSame() {
    Dice first = new Dice(7);
    Dice second = new Dice(7);

    for (int attempt = 0; attempt < 5; attempt++) {
      assertThat(draws(roll(first, "CreateAccount")))
          .isEqualTo(draws(roll(second, "CreateAccount")));
    }
  }

  @Test
  void roll_whenOtherRequestsArriveInBetween_drawsTheSameForEachRequest() {
    Dice quiet = new Dice(7);
    Dice busy = new Dice(7);
    List<String> alone = new ArrayList<>();
    List<String> interleaved = new ArrayList<>();

    for (int attempt = 0; attempt < 3; attempt++) {
      alone.add(draws(roll(quiet, "CreateAccount")));
    }
    roll(busy, "ListRoots");
    for (int attempt = 0; attempt < 3; attempt++) {
      interleaved.add(draws(roll(busy, "CreateAccount")));
      roll(busy, "DescribeOrganization");
    }

    assertThat(interleaved).isEqualTo(alone);
  }

  @Test
  void roll_whenRequestIsRepeated_drawsAfreshForEachAttempt() {
    Dice dice = new Dice(7);

    List<String> attempts = new ArrayList<>();
    for (int attempt = 0; attempt < 4; attempt++) {
      attempts.add(draws(roll(dice, "CreateAccount")));
    }

    assertThat(attempts).doesNotHaveDuplicates();
  }

  @Test
  void roll_whenSeedDiffers_drawsDifferently() {
    assertThat(draws(roll(new Dice(7), "CreateAccount")))
        .isNotEqualTo(draws(roll(new Dice(8), "CreateAccount")));
  }

  @Test
  void reset_whenCalled_startsTheAttemptsAgain() {
    Dice dice = new Dice(7);
    String first = draws(roll(dice, "CreateAccount"));
    roll(dice, "CreateAccount");

    dice.reset();

    assertThat(draws(roll(dice, "CreateAccount"))).isEqualTo(first);
  }

  @Test
  void chance_whenShareIsZero_neverHitsAndDrawsNothing() {
    Dice.Roll a = roll(new Dice(7), "CreateAccount");
    Dice.Roll b = roll(new Dice(7), "CreateAccount");

    for (int i = 0; i < 100; i++) {
      assertThat(a.chance(0)).isFalse();
    }

    assertThat(draws(a)).as("zero shares took no draws").isEqualTo(draws(b));
  }
}
