package dev.forgebot.adapter.local;

import java.util.List;
import java.util.Objects;

/**
 * What a knowledge-base import did.
 *
 * @param imported articles written
 * @param skipped  rows left out, each with its line and the reason
 * @param complete false when the file could not be read to its end (the rows before were imported)
 */
public record ImportReport(int imported, List<SkippedRow> skipped, boolean complete) {

    public ImportReport {
        skipped = List.copyOf(skipped);
        if (imported < 0) {
            throw new IllegalArgumentException("imported cannot be negative");
        }
    }

    /**
     * A row that was not imported.
     *
     * @param line   the line of the file where the row starts (1-based)
     * @param reason why, in words a user can act on
     */
    public record SkippedRow(long line, String reason) {
        public SkippedRow {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }
}
