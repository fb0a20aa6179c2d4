package dev.forgebot.adapter.local.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing to the database with SIGKILL and checks that every write it
 * reported as returned is still there, intact, after reopening; and that an answered message's
 * inbox entry stays handled, so it would not be answered again.
 */
class EmbeddedDatabaseDurabilityIT {

    private static final int PLANNED_WRITES = 1_000_000;
    private static final int KILL_AFTER = 300;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyWriteThatReturnedSurvivesAKillOfTheProcess() throws Exception {
        Path childErrors = dataDir.resolveSibling(dataDir.getFileName() + "-child-stderr.txt");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), dataDir.toString(), Integer.toString(PLANNED_WRITES))
                .redirectError(childErrors.toFile())
                .start();
        List<Integer> acknowledged = new ArrayList<>();
        boolean handledAcknowledged = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < KILL_AFTER && (line = out.readLine()) != null) {
                if (line.startsWith("HANDLED ")) {
                    handledAcknowledged = true;
                } else if (line.startsWith("WROTE ")) {
                    acknowledged.add(Integer.parseInt(line.substring("WROTE ".length())));
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended").isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).as("writes acknowledged before the kill; child stderr: %s",
                Files.exists(childErrors) ? Files.readString(childErrors) : "").hasSize(KILL_AFTER);
        assertThat(handledAcknowledged).isTrue();
        assertThat(child.exitValue()).as("killed, not finished").isNotZero();

        try (EmbeddedDatabase reopened = EmbeddedDatabase.open(dataDir)) {
            assertThat(reopened.integrityCheck()).isEqualTo("ok");
            assertThat(reopened.migrationsApplied()).isZero();
            for (int i : acknowledged) {
                InboxEntry entry = reopened.updateInbox().find(DurabilityChild.key(i)).orElseThrow();
                assertThat(entry.event()).isEqualTo(DurabilityChild.event(i));
                assertThat(entry.state()).isEqualTo(InboxState.PENDING);
                assertThat(reopened.leads().find(DurabilityChild.lead(i).id())).contains(DurabilityChild.lead(i));
            }
            InboxEntry answered = reopened.updateInbox().find(DurabilityChild.ANSWERED).orElseThrow();
            assertThat(answered.state()).isEqualTo(InboxState.HANDLED);
            assertThat(reopened.updateInbox().pending(PLANNED_WRITES, Set.of()))
                    .extracting(InboxEntry::key).doesNotContain(DurabilityChild.ANSWERED);
            long stored = reopened.leads().count();
            assertThat(stored).isGreaterThanOrEqualTo(KILL_AFTER).isLessThan(PLANNED_WRITES);
            System.out.printf("durability: %d writes acknowledged before SIGKILL, %d verified, %d leads on disk%n",
                    acknowledged.size(), acknowledged.size(), stored);
            // The store stays usable after the crash.
            reopened.leads().findOrCreate(DurabilityChild.lead(PLANNED_WRITES), Optional.empty());
        }
    }
}
