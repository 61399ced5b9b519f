package dev.orgvend.sandbox.auth;

import dev.orgvend.sandbox.wire.WireRequest;
import java.util.Optional;

/**
 * Where a request carries its SigV4 signature, and what that signature covers. Today that is the
 * {@code Authorization} header ({@link HeaderSignature}). Presigned URLs carry it in the query
 * string ({@code X-Amz-Algorithm}, {@code X-Amz-Credential}, {@code X-Amz-Signature}, …): one more
 * implementation, whose canonical query leaves out {@code X-Amz-Signature} and whose payload is
 * {@code UNSIGNED-PAYLOAD}, checked by the same {@link SigV4#verify}.
 */
public interface SignatureLocation {

  /**
   * The claim this request makes here, or empty when it carries no signature here.
   *
   * @throws AuthFailure with {@link AuthFailure.Reason#INCOMPLETE} for a signature that is
   *     present but not well formed
   */
  Optional<SigV4.Claim> read(WireRequest request);

  /** The canonical query string the signature covers. */
  String canonicalQuery(WireRequest request);

  /**
   * The payload hash the signature covers.
   *
   * @throws AuthFailure when the request declares a hash its body does not have
   */
  String payloadHash(WireRequest request);
}
