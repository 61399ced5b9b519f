package dev.orgvend.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.output.Printable;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.IamUserAccessToBilling;
import dev.orgvend.core.spec.OuPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Saved plans hold what AWS reported (OU names, tag keys, findings, notes), which may contain
 * characters specs refuse: such a plan must read back as it was written, be written without raw
 * control characters, and still refuse an edit of any member.
 */
class PlanJsonTest {
  static final String EVIL = "Evil\u001b[2J\u001b]0;pwned\u0007\n+ create account x\u202e";
  static final AccountSpec AUDIT = new AccountSpec("audit", "audit@example.com",
      OuPath.parse("Security"), Map.of("team", "blue"), "OrganizationAccountAccessRole",
      IamUserAccessToBilling.ALLOW, "std");

  static Plan hostile() {
    return new Plan("o-abcdefghij", "0123456789abcdef0123456789abcdef", List.of(
        new Change.MoveAccount("111111111111", AUDIT, new OuPath(List.of(EVIL))),
        new Change.RetagAccount("111111111111", AUDIT, Map.of("team", "blue"),
            List.of("owner\u2028x")),
        new Change.ApplyBaseline("111111111111", AUDIT, List.of(Finding.differs(
            "alternateContacts", "security contact", "name", EVIL, "Sec Team")))),
        List.of(new Note(Note.Kind.UNMANAGED_OU, EVIL, "OU " + EVIL + " is not in the spec")));
  }

  @Test
  void read_whenThePlanHoldsHostileAwsText_readsBackWhatWasWritten() {
    String written = PlanJson.write(hostile());

    assertThat(Printable.firstUnsafe(written.replace("\n", ""))).isEqualTo(-1);
    assertThat(PlanJson.read(written)).isEqualTo(hostile());
  }

  @Test
  void read_whenAnyDerivedMemberIsEdited_refusesThePlan() {
    String written = PlanJson.write(hostile());

    assertThatThrownBy(() -> PlanJson.read(written.replace("\"description\" : \"move account",
        "\"description\" : \"moved account"))).hasMessageStartingWith(
        "$.changes[0].description: \"moved account audit");
    assertThatThrownBy(() -> PlanJson.read(written.replace("1 to move", "0 to move")))
        .hasMessageStartingWith("$.summary: ");
  }
}
