package dev.forgebot.adapter.insforge.schema;

import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.InsForgePermanentException;
import dev.forgebot.application.port.out.StorageException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code check} command: is InsForge reachable ({@code GET /api/health}), is the API key valid (an
 * admin call, the migration history, answered 401/403 means not) and is the schema current (no pending
 * migrations)? Never throws for a remote failure: it goes into the report, which never holds the key.
 * Thread-safe.
 */
public final class InsForgeCheck {

    private final InsForgeHttpClient client;
    private final InsForgeMigrations migrations;

    public InsForgeCheck(InsForgeHttpClient client, InsForgeMigrations migrations) {
        this.client = Objects.requireNonNull(client, "client");
        this.migrations = Objects.requireNonNull(migrations, "migrations");
    }

    /** Runs the three checks in order; a failed one skips those after it. */
    public CheckReport check() {
        String version;
        try {
            version = client.checkHealth();
        } catch (StorageException e) {
            return new CheckReport(false, Optional.empty(), CheckReport.KeyStatus.UNKNOWN, List.of(),
                    Optional.of(e.getMessage()));
        }
        List<String> pending;
        try {
            pending = migrations.pending();
        } catch (InsForgePermanentException e) {
            int status = e.status().orElse(0);
            if (status == 401 || status == 403) {
                return new CheckReport(true, Optional.of(version), CheckReport.KeyStatus.INVALID, List.of(),
                        Optional.empty());
            }
            return new CheckReport(true, Optional.of(version), CheckReport.KeyStatus.UNKNOWN, List.of(),
                    Optional.of(e.getMessage()));
        } catch (StorageException e) {
            return new CheckReport(true, Optional.of(version), CheckReport.KeyStatus.UNKNOWN, List.of(),
                    Optional.of(e.getMessage()));
        }
        return new CheckReport(true, Optional.of(version), CheckReport.KeyStatus.VALID, pending, Optional.empty());
    }
}
