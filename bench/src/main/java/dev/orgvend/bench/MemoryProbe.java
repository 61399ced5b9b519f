package dev.orgvend.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Peak heap use during a measurement, from the JVM's own memory-pool peaks. */
final class MemoryProbe {
  private MemoryProbe() {}

  static MemoryProbe start() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    return new MemoryProbe();
  }

  /** Sum of the heap pools' peak usage since {@link #start()}, in bytes. */
  long stop() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
