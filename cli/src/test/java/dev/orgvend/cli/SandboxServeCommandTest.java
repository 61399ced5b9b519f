package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which {@code --host} values keep the sandbox on this machine, and so need no warning. */
class SandboxServeCommandTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "127.0.0.1, true",
      "127.0.0.2, true",
      "::1, true",
      "localhost, true",
      "0.0.0.0, false",
      "::, false",
      "192.0.2.10, false"})
  void loopback_tellsLoopbackAddressesFromTheRest(String host, boolean loopback) {
    assertThat(SandboxServeCommand.loopback(host)).isEqualTo(loopback);
  }
}
