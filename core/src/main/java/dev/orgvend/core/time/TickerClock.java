package dev.orgvend.core.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A ticker's wall time seen as a {@link Clock}. */
final class TickerClock extends Clock {
  private final Ticker ticker;
  private final ZoneId zone;

  TickerClock(Ticker ticker) {
    this(ticker, ZoneOffset.UTC);
  }

  private TickerClock(Ticker ticker, ZoneId zone) {
    this.ticker = ticker;
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new TickerClock(ticker, zone);
  }

  @Override
  public Instant instant() {
    return ticker.now();
  }
}
