package dev.orgvend.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgvend.sandbox.SandboxCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "credentials",
    mixinStandardHelpOptions = true,
    description = {
      "Print the management keys of a running sandbox.",
      "  eval \"$(orgvend sandbox credentials)\"             # for the current shell",
      "  orgvend sandbox credentials --format profile        # AWS CLI profile 'orgvend-sandbox'"
    })
final class SandboxCredentialsCommand implements Callable<Integer> {
  enum Format { env, profile, json }

  @Spec CommandSpec spec;

  private static final java.util.regex.Pattern KEY_ID =
      java.util.regex.Pattern.compile("[A-Z0-9]{16,128}");
  private static final java.util.regex.Pattern SECRET =
      java.util.regex.Pattern.compile("[A-Za-z0-9/+=]{16,128}");
  private static final java.util.regex.Pattern ACCOUNT_ID =
      java.util.regex.Pattern.compile("\\d{12}");

  @Option(names = "--endpoint-url", defaultValue = "http://127.0.0.1:4566",
      description = "The sandbox to ask (default: ${DEFAULT-VALUE}).")
  URI endpoint;

  @Option(names = "--format", defaultValue = "env", description = "env, profile or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    JsonNode body;
    try {
      HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
          .build().send(HttpRequest.newBuilder(endpoint.resolve("/_sandbox/credentials"))
              .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new UserError("the sandbox at " + endpoint + " answered HTTP " + response.statusCode(),
            ExitCodes.ERROR);
      }
      body = new ObjectMapper().readTree(response.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Not the parser's message: it would repeat the answer, which may hold anything.
      throw new UserError("the sandbox at " + endpoint + " answered with something that is not"
          + " JSON; is it an orgvend sandbox?", ExitCodes.ERROR);
    } catch (IOException e) {
      throw new UserError("no sandbox answers at " + endpoint + " (start one with 'orgvend sandbox"
          + " serve'): " + e.getMessage(), ExitCodes.ERROR);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.INTERRUPTED;
    }
    SandboxCredentials c = new SandboxCredentials(body.path("accessKeyId").asText(),
        body.path("secretAccessKey").asText(), body.path("accountId").asText());
    // The answer is printed for eval and written into AWS CLI files: anything but the shapes of
    // AWS keys could run commands in the user's shell or disturb the terminal.
    if (!KEY_ID.matcher(c.accessKeyId()).matches() || !SECRET.matcher(c.secretAccessKey())
        .matches() || !ACCOUNT_ID.matcher(c.accountId()).matches()) {
      throw new UserError("the sandbox at " + endpoint + " answered with credentials that do not"
          + " look like AWS keys; is it an orgvend sandbox?", ExitCodes.ERROR);
    }
    String url = endpoint.toString().replaceAll("/+$", "");
    String text = switch (format) {
      case env -> CredentialFormats.env(c, url);
      case profile -> CredentialFormats.profile(c, url);
      case json -> CredentialFormats.json(c, url);
    };
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
