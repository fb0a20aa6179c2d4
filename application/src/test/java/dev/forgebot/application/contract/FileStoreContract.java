package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.application.port.out.FileStore.StoredFile;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.domain.lead.LeadId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link FileStore} contract: an upload stores the bytes intact and reports the lead, key and
 * size; a file of exactly {@link FileStore#maxFileBytes()} is accepted and a larger one is refused
 * with a {@link PermanentStorageException} before anything is stored.
 *
 * <p>An adapter uses it by subclassing it as {@code <Technology>FileStoreContractTest}: {@link #newStore()}
 * returns a fresh, empty store configured with a small limit (a few kilobytes: the suite allocates
 * a file of the limit and one byte more), {@link #storedContent(String)} reads back what that store
 * holds under a key, and {@link #givenLead(LeadId)} creates a lead if files reference stored leads.
 * That an upload is attempted exactly once is a property of the adapter's HTTP handling, checked by
 * the adapter's own tests. Thread-free.
 */
public abstract class FileStoreContract {

    private FileStore files;
    private LeadId lead;

    /** A fresh, empty store with a small {@link FileStore#maxFileBytes()}; called once per test. */
    protected abstract FileStore newStore();

    /** The bytes the store last returned by {@link #newStore()} holds under {@code key}, if any. */
    protected abstract Optional<byte[]> storedContent(String key);

    /** Makes {@code leadId} a lead files can be filed against. The default does nothing. */
    protected void givenLead(LeadId leadId) {
    }

    @BeforeEach
    void createStore() {
        files = newStore();
        lead = LeadId.random();
        givenLead(lead);
    }

    private static byte[] bytes(int length) {
        byte[] content = new byte[length];
        for (int i = 0; i < length; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        return content;
    }

    @Test
    void theLimitIsPositive() {
        assertThat(files.maxFileBytes()).isPositive();
    }

    @Test
    void uploadStoresTheBytesIntactAndReportsWhatWasStored() {
        byte[] everyByteValue = new byte[256];
        for (int i = 0; i < 256; i++) {
            everyByteValue[i] = (byte) i;
        }
        int length = (int) Math.min(files.maxFileBytes(), everyByteValue.length);
        byte[] content = java.util.Arrays.copyOf(everyByteValue, length);

        StoredFile stored = files.upload(lead, "leads/" + lead.value() + "/telegram-1", "invoice.pdf", "application/pdf",
                content);

        assertThat(stored).isEqualTo(new StoredFile(lead, stored.key(), length));
        assertThat(stored.key()).isNotBlank();
        assertThat(storedContent(stored.key())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() {
        byte[] content = bytes(Math.toIntExact(files.maxFileBytes()));

        StoredFile stored = files.upload(lead, "exactly-the-limit", "big.bin", "application/octet-stream", content);

        assertThat(stored.sizeBytes()).isEqualTo(files.maxFileBytes());
        assertThat(storedContent(stored.key())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void aFileAboveTheLimitIsRefusedPermanentlyBeforeAnythingIsStored() {
        byte[] content = bytes(Math.toIntExact(files.maxFileBytes() + 1));

        assertThatThrownBy(() -> files.upload(lead, "too-large", "huge.bin", "application/octet-stream", content))
                .isInstanceOf(PermanentStorageException.class);
        assertThat(storedContent("too-large")).isEmpty();
    }

    @Test
    void filesUnderDifferentKeysAreKeptApart() {
        byte[] first = bytes(10);
        byte[] second = "second file".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        StoredFile a = files.upload(lead, "file-a", "a.txt", "text/plain", first);
        StoredFile b = files.upload(lead, "file-b", "b.txt", "text/plain", second);

        assertThat(a.key()).isNotEqualTo(b.key());
        assertThat(storedContent(a.key())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(first));
        assertThat(storedContent(b.key())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(second));
    }

    @Test
    void aUnicodeFileNameIsAccepted() {
        StoredFile stored = files.upload(lead, "unicode-name", "счёт 🧾 שלום.pdf", "application/pdf", bytes(8));

        assertThat(stored.sizeBytes()).isEqualTo(8);
        assertThat(storedContent(stored.key())).isPresent();
    }
}
