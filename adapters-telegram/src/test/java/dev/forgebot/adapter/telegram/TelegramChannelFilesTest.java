package dev.forgebot.adapter.telegram;

import static dev.forgebot.adapter.telegram.ScriptedTelegramApi.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.TelegramUnreachableException;
import dev.forgebot.adapter.telegram.dto.TelegramFile;
import dev.forgebot.application.port.out.ChannelFiles.ChannelFile;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.StorageException;
import dev.forgebot.application.port.out.TransientStorageException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TelegramChannelFilesTest {

    private static final long LIMIT = 1_000;
    private static final byte[] PDF = "%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII);

    private final ScriptedTelegramApi telegram = new ScriptedTelegramApi();
    private final TelegramChannelFiles files = new TelegramChannelFiles(telegram);

    @Test
    void downloadsAFileNamedAndTypedAfterItsDownloadPath() {
        telegram.file(new TelegramFile("BQAD-doc", "u1", (long) PDF.length, "documents/file_12.pdf"), PDF);

        ChannelFile file = files.fetch("BQAD-doc", LIMIT);

        assertThat(file.fileName()).isEqualTo("file_12.pdf");
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.content()).isEqualTo(PDF);
        assertThat(telegram.downloadedPaths()).containsExactly("documents/file_12.pdf");
    }

    @ParameterizedTest
    @CsvSource({
        "photos/file_3.jpg, file_3.jpg, image/jpeg",
        "photos/file_4.JPEG, file_4.JPEG, image/jpeg",
        "documents/file_5.xlsx, file_5.xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "documents/file_6, file_6, application/octet-stream",
        "documents/file_7.weird, file_7.weird, application/octet-stream",
        "file_8.png, file_8.png, image/png"})
    void knowsTheTypeFromTheExtensionOrFallsBackToOctetStream(String path, String name, String type) {
        telegram.file(new TelegramFile("id", "u", 3L, path), new byte[] {1, 2, 3});

        ChannelFile file = files.fetch("id", LIMIT);

        assertThat(file.fileName()).isEqualTo(name);
        assertThat(file.contentType()).isEqualTo(type);
    }

    @Test
    void refusesAFileAnnouncedOverTheLimitWithoutDownloadingIt() {
        telegram.file(new TelegramFile("big", "u", LIMIT + 1, "documents/big.zip"), new byte[1]);

        assertThatThrownBy(() -> files.fetch("big", LIMIT)).isInstanceOf(PermanentStorageException.class)
                .hasMessageContaining("1001 bytes").hasMessageContaining("limit is 1000");
        assertThat(telegram.downloadedPaths()).isEmpty();
    }

    @Test
    void refusesAFileFoundOverTheLimitWhileDownloading() {
        telegram.file(new TelegramFile("unsized", "u", null, "documents/unsized.bin"), new byte[(int) LIMIT + 1]);

        assertThatThrownBy(() -> files.fetch("unsized", LIMIT)).isInstanceOf(PermanentStorageException.class)
                .hasMessageContaining("413");
    }

    @Test
    void refusesAFileTelegramGivesNoDownloadPathFor() {
        telegram.file(new TelegramFile("nopath", "u", 10L, null), new byte[0]);

        assertThatThrownBy(() -> files.fetch("nopath", LIMIT)).isInstanceOf(PermanentStorageException.class)
                .hasMessageContaining("no download path");
    }

    @Test
    void refusesAnUnknownFileIdForGood() {
        assertThatThrownBy(() -> files.fetch("nope", LIMIT)).isInstanceOf(PermanentStorageException.class)
                .hasMessageContaining("invalid file_id");
    }

    static Stream<Arguments> getFileFailures() {
        return Stream.of(
                Arguments.of(refusal("getFile", 400, "Bad Request: file is too big"), PermanentStorageException.class),
                Arguments.of(refusal("getFile", 401, "Unauthorized"), PermanentStorageException.class),
                Arguments.of(new TelegramApiException("getFile", 429, "Too Many Requests: retry after 3",
                        Duration.ofSeconds(3), null, false), TransientStorageException.class),
                Arguments.of(refusal("getFile", 500, "Internal Server Error"), TransientStorageException.class),
                Arguments.of(new TelegramApiException("getFile", 502, "unreadable body", null, null, true),
                        TransientStorageException.class),
                Arguments.of(new TelegramUnreachableException("getFile", false, "connection refused"),
                        TransientStorageException.class));
    }

    @ParameterizedTest
    @MethodSource("getFileFailures")
    void translatesGetFileFailuresIntoTheApplicationsTypes(RuntimeException failure,
            Class<? extends StorageException> expected) {
        telegram.file(new TelegramFile("id", "u", 3L, "documents/a.pdf"), new byte[3]).failNext("getFile", failure);

        assertThatThrownBy(() -> files.fetch("id", LIMIT)).isExactlyInstanceOf(expected)
                .hasMessageStartingWith("telegram.getFile: ").hasCause(failure);
    }

    static Stream<Arguments> downloadFailures() {
        return Stream.of(
                Arguments.of(refusal("downloadFile", 404, "Not Found"), TransientStorageException.class),
                Arguments.of(refusal("downloadFile", 403, "Forbidden"), PermanentStorageException.class),
                Arguments.of(refusal("downloadFile", 503, "Service Unavailable"), TransientStorageException.class),
                Arguments.of(new TelegramUnreachableException("downloadFile", true, "read timed out"),
                        TransientStorageException.class));
    }

    @ParameterizedTest
    @MethodSource("downloadFailures")
    void translatesDownloadFailuresIntoTheApplicationsTypes(RuntimeException failure,
            Class<? extends StorageException> expected) {
        telegram.file(new TelegramFile("id", "u", 3L, "documents/a.pdf"), new byte[3]).failNext("downloadFile", failure);

        assertThatThrownBy(() -> files.fetch("id", LIMIT)).isExactlyInstanceOf(expected)
                .hasMessageStartingWith("telegram.downloadFile: ");
    }
}
