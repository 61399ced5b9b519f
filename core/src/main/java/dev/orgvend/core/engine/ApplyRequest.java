package dev.orgvend.core.engine;

import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.spec.Spec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What an apply is asked to do.
 *
 * @param spec the checked spec
 * @param specFile the spec's file, as the user named it (the journal and messages use it)
 * @param savedPlan a plan saved earlier that the user approved, or null to apply the plan made
 *     now; a saved plan is applied only if the plan made now equals it
 * @param savedPlanFile the saved plan's file, for messages, or null
 * @param verifyUsable whether a new account counts as done only once its member role can be
 *     assumed
 */
public record ApplyRequest(Spec spec, Path specFile, Plan savedPlan, Path savedPlanFile,
    boolean verifyUsable) {
  public ApplyRequest {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(specFile, "specFile");
    if ((savedPlan == null) != (savedPlanFile == null)) {
      throw new IllegalArgumentException("a saved plan comes with its file");
    }
  }

  /** Applies what {@code spec} needs now, checking that new accounts are usable. */
  public static ApplyRequest of(Spec spec, Path specFile) {
    return new ApplyRequest(spec, specFile, null, null, true);
  }

  /** The same request, applying only if the plan made now equals {@code plan} from {@code file}. */
  public ApplyRequest withSavedPlan(Plan plan, Path file) {
    return new ApplyRequest(spec, specFile, plan, file, verifyUsable);
  }

  /** The same request, with or without waiting until new accounts accept AssumeRole. */
  public ApplyRequest withVerifyUsable(boolean verify) {
    return new ApplyRequest(spec, specFile, savedPlan, savedPlanFile, verify);
  }
}
