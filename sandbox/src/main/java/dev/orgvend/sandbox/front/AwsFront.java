package dev.orgvend.sandbox.front;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgvend.sandbox.auth.AuthFailure;
import dev.orgvend.sandbox.auth.Authenticator;
import dev.orgvend.sandbox.auth.Authenticator.Authenticated;
import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.protocol.WireErrors;
import dev.orgvend.sandbox.realism.Realism;
import dev.orgvend.sandbox.realism.RealismKnobs;
import dev.orgvend.sandbox.route.Routed;
import dev.orgvend.sandbox.route.Routes;
import dev.orgvend.sandbox.route.Unroutable;
import dev.orgvend.sandbox.state.World;
import dev.orgvend.sandbox.wire.WireRequest;
import java.util.function.Supplier;

/**
 * The way of one AWS API request through the sandbox, once its bytes are read: route it to an
 * operation, count it, authenticate it, let the realism knobs have their say, run the operation
 * in the world's transaction, and say what to reply. Each step is another object's job; this
 * class only puts them in order. It never renders bytes (see {@code render}) and never touches
 * HTTP (see {@code http}).
 */
public final class AwsFront {
  private final Routes routes;
  private final Authenticator authenticator;
  private final Realism realism;
  private final Supplier<RealismKnobs> knobs;
  private final World world;
  private final RequestStats stats;

  public AwsFront(Routes routes, Authenticator authenticator, Realism realism,
      Supplier<RealismKnobs> knobs, World world, RequestStats stats) {
    this.routes = routes;
    this.authenticator = authenticator;
    this.realism = realism;
    this.knobs = knobs;
    this.world = world;
    this.stats = stats;
  }

  /** The request counts, which the HTTP edge adds arrivals and error answers to. */
  public RequestStats stats() {
    return stats;
  }

  /** Forgets throttling history and dice attempts (admin reset). */
  public void resetRealism() {
    realism.reset();
  }

  /**
   * The answer to a request that could not be read whole (too large, cut off): an error in the
   * protocol its headers suggest.
   */
  public Reply refuse(WireRequest headersOnly, AwsException error) {
    return new Reply.Failed(Routes.guessProtocol(headersOnly), null, error);
  }

  /** What to reply to this request; {@code note} learns what the request turned out to be. */
  public Reply handle(WireRequest request, RequestNote note) {
    Routed routed;
    try {
      routed = routes.route(request);
    } catch (Unroutable e) {
      return new Reply.Failed(e.protocol(), e.binding(), e.error());
    }
    Service service = routed.service();
    note.routed(service.signingName(), routed.operation());
    Operation operation = service.operations().get(routed.operation());
    if (operation != null) {
      stats.recognised(service.signingName(), routed.operation());
    }

    Authenticated who;
    try {
      who = authenticator.authenticate(request);
      if (!who.service().equals(service.signingName())) {
        throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE,
            "wrong service in credential scope");
      }
    } catch (AuthFailure failure) {
      return failed(routed, WireErrors.authentication(failure.reason(), routed.protocol()));
    }
    String accountId = who.principal().accountId();
    note.caller(accountId, who.region());
    if (operation == null) {
      return failed(routed, unknownOperation(routed));
    }

    Realism.Trial trial = realism.trial(knobs.get(), accountId, service.signingName(),
        routed.operation(), who.region(), request.body());
    Reply instead = switch (trial.before()) {
      case RUN -> null;
      case FAULT -> failed(routed, service.errors().internalFailure().get());
      case DROP -> Reply.DROPPED;
      case THROTTLE -> failed(routed, service.errors().throttled().get());
    };
    if (instead != null) {
      return instead;
    }

    Params params = new Params(routed.input(), service.errors().rules());
    JsonNode result;
    try {
      result = world.transact(() -> operation.run(new Call(routed.operation(), routed.input(),
          params, who.principal(), who.region(), world.clock().now())));
    } catch (AwsException e) {
      return failed(routed, e);
    }
    if (trial.dropsAnswer()) {
      return Reply.DROPPED;
    }
    return new Reply.Ok(routed.binding(), routed.operation(), result);
  }

  private static Reply failed(Routed routed, AwsException error) {
    return new Reply.Failed(routed.protocol(), routed.binding(), error);
  }

  /** Query services answer an unknown action with InvalidAction, the others differently. */
  private static AwsException unknownOperation(Routed routed) {
    return routed.binding() instanceof Binding.AwsQuery query
        ? WireErrors.invalidAction(routed.operation(), query.version())
        : WireErrors.unknownOperation(routed.operation());
  }
}
