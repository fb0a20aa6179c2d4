package dev.forgebot.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.forgebot.bootstrap.config.ForgebotConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForgebotCliTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final BotLauncher launcher = mock(BotLauncher.class);

    private int execute(Map<String, String> env, String... args) {
        return ForgebotCli.execute(args, env, out, err, launcher);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsRunAndKbImport() {
        int code = execute(Map.of(), "--help");

        assertThat(code).isZero();
        assertThat(out()).contains("Usage: forgebot", "run", "kb", "kb import FILE", "--version");
        verifyNoInteractions(launcher);
    }

    @Test
    void kbHelpListsImport() {
        int code = execute(Map.of(), "kb", "--help");

        assertThat(code).isZero();
        assertThat(out()).contains("Usage: forgebot kb", "import");
    }

    @Test
    void helpWorksEvenWhenTheConfigurationIsBroken() {
        int code = execute(Map.of("FORGEBOT_WEBHOOK_PORT", "nope"), "--help");

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
    }

    @Test
    void versionPrintsDevOutsideAJar() {
        int code = execute(Map.of(), "--version");

        assertThat(code).isZero();
        assertThat(out().strip()).isEqualTo("forgebot dev");
    }

    @Test
    void noCommandRunsTheBotAndReturnsItsExitCode() {
        when(launcher.run(any())).thenReturn(0);

        int code = execute(Map.of());

        assertThat(code).isZero();
        verify(launcher).run(ForgebotConfig.defaults());
    }

    @Test
    void runPassesTheLoadedConfigurationAndReturnsTheLaunchersExitCode() {
        when(launcher.run(any())).thenReturn(3);

        int code = execute(Map.of("FORGEBOT_RATE_GLOBAL", "0"), "run");

        assertThat(code).isEqualTo(3);
        verify(launcher).run(org.mockito.ArgumentMatchers.argThat(config -> config.rateGlobal() == 0));
    }

    @Test
    void kbImportCallsTheLauncherWithTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("kb.csv"), "title,body\n");
        when(launcher.importKnowledge(any(), any(), any())).thenReturn(0);

        int code = execute(Map.of(), "kb", "import", file.toString());

        assertThat(code).isZero();
        verify(launcher).importKnowledge(eq(ForgebotConfig.defaults()), eq(file), same(out));
    }

    @Test
    void kbImportOfAMissingFileIsAUsageError(@TempDir Path dir) {
        int code = execute(Map.of(), "kb", "import", dir.resolve("missing.csv").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("Cannot read FILE", "missing.csv");
        verifyNoInteractions(launcher);
    }

    @Test
    void kbWithoutImportIsAUsageError() {
        int code = execute(Map.of(), "kb");

        assertThat(code).isEqualTo(2);
        verifyNoInteractions(launcher);
    }

    @Test
    void configurationProblemsExitWith2AndListEveryProblemWithoutSecrets() {
        String leakedKey = "ik_SUPER_SECRET_KEY_do_not_print";
        String leakedToken = "broken-token-SECRET-do-not-print";

        int code = execute(Map.of(
                "INSFORGE_API_KEY", leakedKey,
                "TELEGRAM_BOT_TOKEN", leakedToken,
                "FORGEBOT_MANAGEMENT_PORT", "70000"));

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("forgebot: configuration problems:")
                .contains("TELEGRAM_BOT_TOKEN: malformed",
                        "FORGEBOT_MANAGEMENT_PORT: must be a port number 1-65535, was 70000",
                        "FORGEBOT_OPERATOR_CHAT_ID: required with TELEGRAM_BOT_TOKEN",
                        "INSFORGE_URL: required with INSFORGE_API_KEY")
                .doesNotContain(leakedKey)
                .doesNotContain(leakedToken)
                .doesNotContain("SECRET");
        assertThat(err().lines().skip(1)).hasSize(4).allMatch(line -> line.startsWith("  "));
        verifyNoInteractions(launcher);
    }

    @Test
    void configurationProblemsAlsoStopKbImport(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("kb.csv"), "title,body\n");

        int code = execute(Map.of("FORGEBOT_SHUTDOWN_GRACE", "forever"), "kb", "import", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("FORGEBOT_SHUTDOWN_GRACE");
        verifyNoInteractions(launcher);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        int code = execute(Map.of(), "--frobnicate");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("Unknown option: '--frobnicate'");
        verifyNoInteractions(launcher);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        int code = execute(Map.of(), "serve");

        assertThat(code).isEqualTo(2);
        verifyNoInteractions(launcher);
    }
}
