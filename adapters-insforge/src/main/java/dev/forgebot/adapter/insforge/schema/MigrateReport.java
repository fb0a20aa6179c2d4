package dev.forgebot.adapter.insforge.schema;

import java.util.List;

/**
 * What {@link InsForgeMigrations#migrate()} did.
 *
 * @param applied        migrations applied by this run, in order
 * @param alreadyApplied migrations found in the history (or answered 409 and then found there)
 * @param verifiedTables tables checked to exist afterwards
 */
public record MigrateReport(List<String> applied, List<String> alreadyApplied, List<String> verifiedTables) {

    public MigrateReport {
        applied = List.copyOf(applied);
        alreadyApplied = List.copyOf(alreadyApplied);
        verifiedTables = List.copyOf(verifiedTables);
    }

    /** True when this run changed nothing. */
    public boolean nothingApplied() {
        return applied.isEmpty();
    }
}
