package dev.orgvend.core.baseline;

/**
 * Where a repair records each component's change before and after making it (apply writes it
 * to the journal), so that an interrupted run leaves a trace of what it was doing.
 */
public interface StepLog {
  StepLog NONE = new StepLog() {
    @Override
    public long started(String component, String detail) {
      return 0;
    }

    @Override
    public void done(long step, String detail) {}

    @Override
    public void failed(long step, String error) {}
  };

  /** Called before the first write call; returns a handle for the outcome. */
  long started(String component, String detail);

  void done(long step, String detail);

  void failed(long step, String error);
}
