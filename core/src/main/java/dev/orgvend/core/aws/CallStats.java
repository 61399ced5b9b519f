package dev.orgvend.core.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of AWS calls by operation, and of the errors seen, for reports and benchmarks. */
public final class CallStats {
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

  void called(String operation) {
    calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  void failed(String code) {
    errors.computeIfAbsent(code, k -> new LongAdder()).increment();
  }

  public long total() {
    return calls.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public Map<String, Long> callsByOperation() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public Map<String, Long> errorsByCode() {
    Map<String, Long> out = new TreeMap<>();
    errors.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public long count(String operation) {
    LongAdder adder = calls.get(operation);
    return adder == null ? 0 : adder.sum();
  }
}
