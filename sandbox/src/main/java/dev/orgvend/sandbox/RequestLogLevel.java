package dev.orgvend.sandbox;

/**
 * How much a sandbox logs about the AWS API requests it serves, one line each (operation,
 * account, status, milliseconds): nothing, server errors and dropped connections only, client
 * errors too, every request, or every request with its region, request id and error message.
 */
public enum RequestLogLevel {
  OFF,
  ERROR,
  WARN,
  INFO,
  DEBUG
}
