package dev.orgvend.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.SandboxSettings.OrgLimits;
import dev.orgvend.sandbox.SandboxSettings.Rate;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a knob's values are: how a flag's text reads, how a default is written, what JSON
 * carries, and what is out of range. One per kind of value, shared by the knobs of that kind.
 */
abstract class KnobType<T> {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final KnobType<Duration> DURATION = new KnobType<>() {
    @Override
    Duration parseOne(String text) {
      return DurationText.parse(text);
    }

    @Override
    String format(Duration value) {
      return DurationText.format(value);
    }

    @Override
    String problem(Duration value) {
      return value.isNegative() ? "must not be negative, got " + value : null;
    }

    @Override
    JsonNode toJson(Duration value) {
      return NODES.numberNode(value.toMillis());
    }

    @Override
    Duration fromJson(JsonNode node) {
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        throw new IllegalArgumentException("must be a whole number of milliseconds, got "
            + node);
      }
      return Duration.ofMillis(node.longValue());
    }
  };

  static final KnobType<Double> SHARE = new KnobType<>() {
    @Override
    Double parseOne(String text) {
      try {
        return Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a number from 0 to 1, got '" + text + "'");
      }
    }

    @Override
    String format(Double value) {
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    String problem(Double value) {
      return value >= 0 && value <= 1 ? null
          : "must be between 0 and 1, got " + format(value);
    }

    @Override
    JsonNode toJson(Double value) {
      return NODES.numberNode(value);
    }

    @Override
    Double fromJson(JsonNode node) {
      if (!node.isNumber()) {
        throw new IllegalArgumentException("must be a number from 0 to 1, got " + node);
      }
      return node.doubleValue();
    }
  };

  static final KnobType<Integer> COUNT = new KnobType<>() {
    @Override
    Integer parseOne(String text) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a whole number, got '" + text + "'");
      }
    }

    @Override
    String format(Integer value) {
      return value.toString();
    }

    @Override
    String problem(Integer value) {
      return value >= 1 ? null : "must be at least 1, got " + value;
    }

    @Override
    JsonNode toJson(Integer value) {
      return NODES.numberNode(value);
    }

    @Override
    Integer fromJson(JsonNode node) {
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        throw new IllegalArgumentException("must be a whole number, got " + node);
      }
      return node.intValue();
    }
  };

  static final KnobType<Map<String, Rate>> RATES = new KnobType<>() {
    @Override
    boolean repeatable() {
      return true;
    }

    @Override
    Map<String, Rate> parse(List<String> texts) {
      Map<String, Rate> rates = new LinkedHashMap<>();
      for (String text : texts) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "takes OPERATION=RATE[:BURST], e.g. CreateAccount=1:3; got '" + text + "'");
        }
        rates.put(text.substring(0, eq), Rate.parse(text.substring(eq + 1)));
      }
      return Collections.unmodifiableMap(rates);
    }

    @Override
    Map<String, Rate> parseOne(String text) {
      return parse(List.of(text));
    }

    @Override
    String format(Map<String, Rate> value) {
      StringJoiner out = new StringJoiner(" ");
      value.forEach((op, rate) -> out.add(op + "=" + rate));
      return out.toString();
    }

    @Override
    String problem(Map<String, Rate> value) {
      return value.keySet().stream().anyMatch(String::isBlank)
          ? "must name an operation for every rate" : null;
    }

    /** {@code {"CreateAccount": "1.0:3"}}. */
    @Override
    JsonNode toJson(Map<String, Rate> value) {
      ObjectNode out = NODES.objectNode();
      value.forEach((op, rate) -> out.put(op, rate.toString()));
      return out;
    }

    @Override
    Map<String, Rate> fromJson(JsonNode node) {
      if (!node.isObject()) {
        throw new IllegalArgumentException(
            "must be an object of operation to \"RATE:BURST\", got " + node);
      }
      Map<String, Rate> rates = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isTextual() && !e.getValue().isNumber()) {
          throw new IllegalArgumentException("rate of " + e.getKey()
              + " must be \"RATE\" or \"RATE:BURST\", got " + e.getValue());
        }
        rates.put(e.getKey(), Rate.parse(e.getValue().asText()));
      });
      return Collections.unmodifiableMap(rates);
    }
  };

  static final KnobType<OrgLimits> ORG_LIMITS = new KnobType<>() {
    @Override
    OrgLimits parseOne(String text) {
      throw new IllegalArgumentException("is set through the admin API's JSON only");
    }

    @Override
    String format(OrgLimits value) {
      StringJoiner out = new StringJoiner(",");
      for (RecordComponent c : OrgLimits.class.getRecordComponents()) {
        try {
          out.add(c.getName() + "=" + c.getAccessor().invoke(value));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return out.toString();
    }

    @Override
    String problem(OrgLimits value) {
      return null; // OrgLimits checks itself when made
    }

    @Override
    JsonNode toJson(OrgLimits value) {
      ObjectNode out = NODES.objectNode();
      for (RecordComponent c : OrgLimits.class.getRecordComponents()) {
        out.put(c.getName(), (int) read(c, value));
      }
      return out;
    }

    /** A patch: the limits it names change, the others keep their current value. */
    @Override
    OrgLimits merge(OrgLimits current, JsonNode node) {
      if (!node.isObject()) {
        throw new IllegalArgumentException("must be a JSON object, got " + node);
      }
      RecordComponent[] components = OrgLimits.class.getRecordComponents();
      Map<String, Integer> limits = new LinkedHashMap<>();
      for (RecordComponent c : components) {
        limits.put(c.getName(), (int) read(c, current));
      }
      node.fields().forEachRemaining(e -> {
        if (!limits.containsKey(e.getKey())) {
          throw new IllegalArgumentException("has no limit " + e.getKey() + "; it has "
              + String.join(", ", limits.keySet()));
        }
        limits.put(e.getKey(), COUNT.fromJson(e.getValue()));
      });
      Class<?>[] types = new Class<?>[components.length];
      Arrays.fill(types, int.class);
      try {
        return OrgLimits.class.getDeclaredConstructor(types)
            .newInstance(limits.values().toArray());
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof IllegalArgumentException
            ? new IllegalArgumentException("must each be at least 1, got " + limits)
            : new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    OrgLimits fromJson(JsonNode node) {
      return merge(OrgLimits.aws(), node);
    }

    private Object read(RecordComponent c, OrgLimits value) {
      try {
        return c.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  };

  static <E extends Enum<E>> KnobType<E> enumType(Class<E> type) {
    return new KnobType<>() {
      @Override
      E parseOne(String text) {
        for (E constant : type.getEnumConstants()) {
          if (constant.name().equalsIgnoreCase(text.trim())) {
            return constant;
          }
        }
        throw new IllegalArgumentException("must be one of " + choices() + ", got '" + text
            + "'");
      }

      @Override
      String format(E value) {
        return value.name().toLowerCase(Locale.ROOT);
      }

      @Override
      String problem(E value) {
        return null;
      }

      @Override
      JsonNode toJson(E value) {
        return NODES.textNode(format(value));
      }

      @Override
      E fromJson(JsonNode node) {
        if (!node.isTextual()) {
          throw new IllegalArgumentException("must be one of " + choices() + ", got " + node);
        }
        return parseOne(node.asText());
      }

      @Override
      List<String> choices() {
        List<String> out = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
          out.add(format(constant));
        }
        return out;
      }
    };
  }

  boolean repeatable() {
    return false;
  }

  /** A flag's text; a flag given twice takes its last value. */
  T parse(List<String> texts) {
    return parseOne(texts.get(texts.size() - 1));
  }

  abstract T parseOne(String text);

  abstract String format(T value);

  /** What is wrong with the value, or null. */
  abstract String problem(T value);

  /** For enums, the values as flags and JSON write them; empty otherwise. */
  List<String> choices() {
    return List.of();
  }

  /** The value as the admin API's JSON shows it. */
  abstract JsonNode toJson(T value);

  /**
   * The value a JSON member stands for.
   *
   * @throws IllegalArgumentException saying what is wrong, without naming the member
   */
  abstract T fromJson(JsonNode node);

  /** The value a JSON member changes {@code current} to; most knobs are replaced whole. */
  T merge(T current, JsonNode node) {
    return fromJson(node);
  }
}
