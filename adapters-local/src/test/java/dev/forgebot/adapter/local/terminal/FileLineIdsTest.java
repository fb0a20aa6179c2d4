package dev.forgebot.adapter.local.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLineIdsTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunContinuesWhereTheFirstStopped() {
        Path file = dir.resolve("data/terminal.seq");
        FileLineIds first = new FileLineIds(file);
        first.next();
        first.next();

        FileLineIds second = new FileLineIds(file);

        assertThat(second.next()).isEqualTo(3);
    }

    @Test
    void aFileThatHoldsNoNumberIsAClearError() throws IOException {
        Path file = dir.resolve("terminal.seq");
        Files.writeString(file, "garbage");

        assertThatIllegalStateException().isThrownBy(() -> new FileLineIds(file)).withMessageContaining("does not hold a number");
    }
}
