package dev.orgvend.policy.eval;

import dev.orgvend.policy.ConditionClause;
import dev.orgvend.policy.ConditionOperator;
import dev.orgvend.policy.ConditionOperator.Comparison;
import dev.orgvend.policy.Wildcard;
import dev.orgvend.policy.eval.ConditionValues.IpRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One compiled key test of a Condition element. The rules ("IAM JSON policy elements: Condition
 * operators" and "Creating a condition with multiple keys or values"):
 *
 * <ul>
 *   <li>A key the request does not carry: positive operators are false, negated ones true,
 *       {@code …IfExists} true, {@code ForAnyValue:} false, {@code ForAllValues:} true;
 *       {@code Null} tests exactly that.
 *   <li>Several policy values: OR for positive operators, NOR for negated ones.
 *   <li>{@code ForAnyValue:} is true when some request value passes, {@code ForAllValues:} when
 *       every one does.
 *   <li>A multivalued request key under an operator without a set qualifier: false. AWS says such
 *       keys need a set operator and does not document the outcome; lint flags the mistake.
 * </ul>
 *
 * Policy values that are not valid for the operator (a number that is not one, a bad CIDR)
 * never match; lint reports them.
 */
final class ConditionTest {
  private final ConditionOperator op;
  private final Comparison positive;
  private final String key;
  private final String[] strings;
  private final Wildcard[] likes;
  private final BigDecimal[] numbers;
  private final long[] dates;
  private final boolean[] bools;
  private final byte[][] binaries;
  private final IpRange[] ranges;
  private final ArnPattern[] arns;

  private ConditionTest(ConditionClause clause, List<PatternText> values) {
    this.op = clause.operator();
    this.positive = op.comparison().positive();
    this.key = clause.key().value().toLowerCase(Locale.ROOT);
    String[] s = null;
    Wildcard[] l = null;
    BigDecimal[] num = null;
    long[] d = null;
    boolean[] b = null;
    byte[][] bin = null;
    IpRange[] r = null;
    ArnPattern[] a = null;
    switch (positive) {
      case STRING_EQUALS, STRING_EQUALS_IGNORE_CASE ->
          s = values.stream().map(PatternText::chars).toArray(String[]::new);
      case STRING_LIKE -> l = values.stream().map(PatternText::wildcard).toArray(Wildcard[]::new);
      case ARN_EQUALS, ARN_LIKE ->
          a = values.stream().map(ArnPattern::of).toArray(ArnPattern[]::new);
      case BOOL, NULL -> {
        List<Boolean> parsed = new ArrayList<>();
        for (PatternText v : values) {
          Boolean x = ConditionValues.bool(v.chars());
          if (x != null) {
            parsed.add(x);
          }
        }
        b = new boolean[parsed.size()];
        for (int i = 0; i < b.length; i++) {
          b[i] = parsed.get(i);
        }
      }
      case BINARY_EQUALS -> bin = values.stream().map(v -> ConditionValues.binary(v.chars()))
          .filter(x -> x != null).toArray(byte[][]::new);
      case IP_ADDRESS -> r = values.stream().map(v -> IpRange.parse(v.chars()))
          .filter(x -> x != null).toArray(IpRange[]::new);
      default -> {
        if (positive.family() == ConditionOperator.Family.NUMERIC) {
          num = values.stream().map(v -> ConditionValues.number(v.chars()))
              .filter(x -> x != null).toArray(BigDecimal[]::new);
        } else {
          d = values.stream().map(v -> ConditionValues.dateMillis(v.chars()))
              .filter(x -> x != null).mapToLong(Long::longValue).toArray();
        }
      }
    }
    this.strings = s;
    this.likes = l;
    this.numbers = num;
    this.dates = d;
    this.bools = b;
    this.binaries = bin;
    this.ranges = r;
    this.arns = a;
  }

  static ConditionTest compile(ConditionClause clause, List<PatternText> values) {
    return new ConditionTest(clause, values);
  }

  boolean test(RequestContext context) {
    RequestContext.Entry entry = context.entry(key);
    if (positive == Comparison.NULL) {
      boolean absent = entry == null;
      for (boolean expectAbsent : bools) {
        if (expectAbsent == absent) {
          return true;
        }
      }
      return false;
    }
    switch (op.qualifier()) {
      case NONE -> {
        if (entry == null) {
          return op.ifExists() || op.comparison().negated();
        }
        return !entry.multivalued && passes(entry, 0);
      }
      case FOR_ANY_VALUE -> {
        if (entry == null) {
          return op.ifExists();
        }
        for (int i = 0; i < entry.values.length; i++) {
          if (passes(entry, i)) {
            return true;
          }
        }
        return false;
      }
      default -> {
        if (entry == null) {
          return true;
        }
        for (int i = 0; i < entry.values.length; i++) {
          if (!passes(entry, i)) {
            return false;
          }
        }
        return true;
      }
    }
  }

  /** The operator applied to one request value: any policy value for positive, none for negated. */
  private boolean passes(RequestContext.Entry entry, int i) {
    boolean any = matchesAny(entry, i);
    return op.comparison().negated() != any;
  }

  private boolean matchesAny(RequestContext.Entry entry, int i) {
    String v = entry.values[i];
    switch (positive) {
      case STRING_EQUALS -> {
        for (String s : strings) {
          if (s.equals(v)) {
            return true;
          }
        }
        return false;
      }
      case STRING_EQUALS_IGNORE_CASE -> {
        for (String s : strings) {
          if (s.equalsIgnoreCase(v)) {
            return true;
          }
        }
        return false;
      }
      case STRING_LIKE -> {
        for (Wildcard w : likes) {
          if (w.matches(v)) {
            return true;
          }
        }
        return false;
      }
      case ARN_EQUALS, ARN_LIKE -> {
        String[] parts = entry.arnParts(i);
        for (ArnPattern a : arns) {
          if (a.matches(v, parts)) {
            return true;
          }
        }
        return false;
      }
      case BOOL -> {
        Boolean x = ConditionValues.bool(v);
        if (x == null) {
          return false;
        }
        for (boolean b : bools) {
          if (b == x) {
            return true;
          }
        }
        return false;
      }
      case BINARY_EQUALS -> {
        byte[] x = ConditionValues.binary(v);
        if (x == null) {
          return false;
        }
        for (byte[] b : binaries) {
          if (Arrays.equals(b, x)) {
            return true;
          }
        }
        return false;
      }
      case IP_ADDRESS -> {
        IpRange x = IpRange.parse(v);
        if (x == null) {
          return false;
        }
        for (IpRange r : ranges) {
          if (r.contains(x)) {
            return true;
          }
        }
        return false;
      }
      default -> {
        return positive.family() == ConditionOperator.Family.NUMERIC ? numeric(v) : date(v);
      }
    }
  }

  private boolean numeric(String v) {
    BigDecimal x = ConditionValues.number(v);
    if (x == null) {
      return false;
    }
    for (BigDecimal n : numbers) {
      if (compares(x.compareTo(n))) {
        return true;
      }
    }
    return false;
  }

  private boolean date(String v) {
    Long x = ConditionValues.dateMillis(v);
    if (x == null) {
      return false;
    }
    for (long d : dates) {
      if (compares(Long.compare(x, d))) {
        return true;
      }
    }
    return false;
  }

  /** {@code cmp} is request value compared with policy value. */
  private boolean compares(int cmp) {
    return switch (positive) {
      case NUMERIC_EQUALS, DATE_EQUALS -> cmp == 0;
      case NUMERIC_LESS_THAN, DATE_LESS_THAN -> cmp < 0;
      case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> cmp <= 0;
      case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> cmp > 0;
      case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> cmp >= 0;
      default -> false;
    };
  }
}
