package dev.forgebot.application.fake;

import dev.forgebot.application.contract.FileStoreContract;
import dev.forgebot.application.port.out.FileStore;
import java.util.Optional;

class InMemoryFileStoreContractTest extends FileStoreContract {

    private InMemoryFileStore store;

    @Override
    protected FileStore newStore() {
        store = new InMemoryFileStore(4 * 1024);
        return store;
    }

    @Override
    protected Optional<byte[]> storedContent(String key) {
        return store.find(key).map(InMemoryFileStore.Upload::content);
    }
}
