package dev.forgebot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.bootstrap.cli.ForgebotCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema, migrate and check commands as a user runs them, without an InsForge project. */
class InsForgeCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int forgebot(String... args) {
        return ForgebotCli.execute(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ForgebotLauncher(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8)));
    }

    @Test
    void schemaPrintsTheMigrationsSqlWithoutContactingInsForge() {
        int code = forgebot("schema");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("-- forgebot-20261129000000-schema")
                .contains("CREATE TABLE public.inbox").contains("ENABLE ROW LEVEL SECURITY")
                .contains("REVOKE EXECUTE ON FUNCTION public.bot_stats");
    }

    @Test
    void migrateNeedsAnInsForgeProject() {
        assertThat(forgebot("migrate")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("set INSFORGE_URL and INSFORGE_API_KEY");
    }

    @Test
    void checkWithEmbeddedStorageHasNothingRemoteToCheck() {
        assertThat(forgebot("check")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Storage: embedded");
    }
}
