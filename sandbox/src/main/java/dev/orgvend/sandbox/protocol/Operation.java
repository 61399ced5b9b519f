package dev.orgvend.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** One API operation: reads the call, changes state, answers with an output tree or null. */
@FunctionalInterface
public interface Operation {
  JsonNode run(Call call);
}
