package dev.orgvend.testkit.torture;

import java.util.List;
import java.util.Random;

/**
 * A moment in an apply run, to kill it (or its sandbox) there: {@code delayMs} after the
 * {@code occurrence}-th progress event of type {@code trigger}, or after the process started
 * when the trigger is {@link #START}. Triggers follow apply's phases, so kills land while the JVM
 * starts and the organization is read, while OUs are made, while creations are in flight, while
 * accounts are moved, and while baselines are built.
 */
public record RunMoment(String trigger, int occurrence, long delayMs) {
  public static final String START = "start";

  /** A trigger, how likely it is, the largest occurrence to wait for and the largest delay. */
  private record Choice(String trigger, int weight, int maxOccurrence, int maxDelayMs) {}

  private static final List<Choice> CHOICES = List.of(
      new Choice(START, 15, 1, 4000),
      new Choice("ou-created", 8, 3, 300),
      new Choice("account-requested", 25, 6, 2000),
      new Choice("account-created", 15, 8, 400),
      new Choice("account-moved", 12, 8, 300),
      new Choice("account-usable", 10, 8, 300),
      new Choice("baseline-applied", 15, 8, 300));

  /**
   * How many events of each kind the next run can still print, judged from the organization
   * before it starts, so the moment drawn is one the run will reach.
   *
   * @param ousMissing whether the run will create OUs
   * @param toCreate spec accounts with neither an account nor a creation in flight
   * @param inFlight spec accounts being created
   */
  public record Remaining(boolean ousMissing, int toCreate, int inFlight) {
    int expected(String trigger) {
      return switch (trigger) {
        case START -> 1;
        case "ou-created" -> ousMissing ? 1 : 0;
        case "account-requested" -> toCreate;
        default -> toCreate + inFlight;
      };
    }
  }

  /**
   * The next moment from a seeded random source: a trigger by weight among those the run will
   * reach, one of the occurrences it will print, and a delay. The same seed and the same
   * {@code remaining} give the same moment.
   */
  public static RunMoment next(Random random, Remaining remaining) {
    List<Choice> open = CHOICES.stream().filter(c -> remaining.expected(c.trigger()) > 0)
        .toList();
    int total = open.stream().mapToInt(Choice::weight).sum();
    int pick = random.nextInt(total);
    for (Choice c : open) {
      pick -= c.weight();
      if (pick < 0) {
        int occurrences = Math.min(c.maxOccurrence(), remaining.expected(c.trigger()));
        return new RunMoment(c.trigger(), 1 + random.nextInt(occurrences),
            random.nextInt(c.maxDelayMs() + 1));
      }
    }
    throw new AssertionError("weights add up");
  }

  /** Waits for this moment in {@code run}. False if the run ended before it came. */
  boolean awaitIn(PackagedCli.Running run) throws InterruptedException {
    if (!trigger.equals(START) && !run.awaitEvent(trigger, occurrence)) {
      return false;
    }
    long until = System.nanoTime() + delayMs * 1_000_000L;
    while (run.alive() && System.nanoTime() < until) {
      Thread.sleep(Math.max(1, Math.min(20, (until - System.nanoTime()) / 1_000_000L)));
    }
    return run.alive();
  }

  @Override
  public String toString() {
    return trigger.equals(START) ? delayMs + " ms after start"
        : delayMs + " ms after " + trigger + " #" + occurrence;
  }
}
