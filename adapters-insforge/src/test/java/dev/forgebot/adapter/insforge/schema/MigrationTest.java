package dev.forgebot.adapter.insforge.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationTest {

    @Test
    void fileNameGivesVersionAndNameAndTheHeaderGivesTables() {
        Migration m = Migration.of("forgebot-20261129000000-schema.sql",
                "-- forgebot schema\n-- tables: inbox, leads,messages\ncreate table x();\n-- Tables: tickets\n");

        assertThat(m.version()).isEqualTo("20261129000000");
        assertThat(m.name()).isEqualTo("forgebot-20261129000000-schema");
        assertThat(m.tables()).containsExactly("inbox", "leads", "messages", "tickets");
    }

    @Test
    void theShippedSchemaNamesEveryTableOfTheDesignWithAnOrderColumnWhereThereIsNoId() {
        List<Migration> shipped = InsForgeMigrations.load(InsForgeMigrations.DEFAULT_INDEX);

        assertThat(shipped).extracting(Migration::name).containsExactly("forgebot-20261129000000-schema",
                "forgebot-20261129120000-inbox-claims");
        assertThat(shipped.getFirst().tables()).containsExactly("inbox(sequence)", "leads", "messages", "tickets",
                "unanswered_questions(source)", "scenarios(number)", "scenario_runs", "kb_articles", "attachments(key)");
        assertThat(shipped.getFirst().sql()).contains("ENABLE ROW LEVEL SECURITY").contains("bot_stats")
                .doesNotContainIgnoringCase("begin;").doesNotContainIgnoringCase("commit;");
    }

    @Test
    void theClaimsMigrationAddsNullableClaimColumnsAndIsVerifiedByOrderingOnOne() {
        Migration claims = InsForgeMigrations.load(InsForgeMigrations.DEFAULT_INDEX).get(1);

        assertThat(claims.version()).isEqualTo("20261129120000");
        assertThat(claims.tables()).containsExactly("inbox(claimed_until)");
        assertThat(claims.sql()).contains("ALTER TABLE public.inbox")
                .contains("ADD COLUMN claimed_by    text").contains("ADD COLUMN claimed_until timestamptz")
                .doesNotContainIgnoringCase("not null")
                .doesNotContainIgnoringCase("begin;").doesNotContainIgnoringCase("commit;");
    }

    @Test
    void refusesNamesOffThePattern() {
        for (String bad : List.of("forgebot-2026-x.sql", "forgebot-20261129000000-Schema.sql",
                "forgebot-20261129000000-.sql", "other-20261129000000-x.sql", "forgebot-20261129000000-x.SQL")) {
            assertThatThrownBy(() -> Migration.of(bad, "select 1")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesAnInvalidTableName() {
        assertThatThrownBy(() -> Migration.of("forgebot-20261129000000-x.sql", "-- tables: ok, \"drop\""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadsTheIndexInOrderSkippingBlankLines() {
        List<Migration> ms = InsForgeMigrations.load("forgebot-test-migrations/migrations.txt");

        assertThat(ms).extracting(Migration::name).containsExactly("forgebot-20261101000000-base",
                "forgebot-20261115000000-leads", "forgebot-20261129000000-files");
        assertThat(ms.get(1).tables()).containsExactly("leads", "messages");
    }

    @Test
    void refusesABrokenIndex() {
        assertThatThrownBy(() -> InsForgeMigrations.load("forgebot-test-migrations/unordered.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rise strictly");
        assertThatThrownBy(() -> InsForgeMigrations.load("forgebot-test-migrations/nofile.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.sql");
        assertThatThrownBy(() -> InsForgeMigrations.load("forgebot-test-migrations/badname.txt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InsForgeMigrations.load("no/such/index.txt"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
