package dev.orgvend.cli;

import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"orgvend " + (v == null ? "development build" : v)};
  }
}
