package dev.orgvend.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.auth.AuthFailure.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each protocol family spells an authentication failure its own way, as AWS does. */
class WireErrorsTest {
  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
      "MISSING, AWS_JSON_1_1, MissingAuthenticationTokenException, 403",
      "MISSING, AWS_QUERY, MissingAuthenticationToken, 403",
      "INCOMPLETE, AWS_JSON_1_0, IncompleteSignatureException, 400",
      "INCOMPLETE, AWS_QUERY, IncompleteSignature, 400",
      "UNKNOWN_KEY, REST_JSON_1, UnrecognizedClientException, 400",
      "UNKNOWN_KEY, AWS_QUERY, InvalidClientTokenId, 403",
      "BAD_SIGNATURE, AWS_JSON_1_1, InvalidSignatureException, 400",
      "BAD_SIGNATURE, AWS_QUERY, SignatureDoesNotMatch, 403",
      "SIGNATURE_EXPIRED, AWS_JSON_1_1, InvalidSignatureException, 400",
      "SIGNATURE_EXPIRED, AWS_QUERY, SignatureDoesNotMatch, 403",
      "EXPIRED_TOKEN, AWS_JSON_1_1, ExpiredTokenException, 400",
      "EXPIRED_TOKEN, AWS_QUERY, ExpiredToken, 403"})
  void authentication_whenReasonAndProtocolGiven_answersThatFamilysCode(Reason reason,
      Protocol protocol, String code, int status) {
    AwsException error = WireErrors.authentication(reason, protocol);

    assertThat(error.code()).isEqualTo(code);
    assertThat(error.status()).isEqualTo(status);
  }
}
