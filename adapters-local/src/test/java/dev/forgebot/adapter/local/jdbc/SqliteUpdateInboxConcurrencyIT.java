package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.contract.UpdateInboxConcurrencyContract;
import dev.forgebot.application.port.out.UpdateInbox;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concurrency contract against several connections on one database file, as several processes
 * sharing it would be. One {@link EmbeddedDatabase} serialises its calls on one connection, which would
 * make a racy store or claim pass by construction; here the threads' calls go to four databases opened
 * on the same file in turn, so only SQLite's own locking keeps them apart.
 */
class SqliteUpdateInboxConcurrencyIT extends UpdateInboxConcurrencyContract {

    private static final int CONNECTIONS = 4;

    @TempDir
    Path dataDir;

    private final List<EmbeddedDatabase> opened = new ArrayList<>();

    @Override
    protected UpdateInbox newStore() {
        List<UpdateInbox> inboxes = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            EmbeddedDatabase database = EmbeddedDatabase.open(dataDir);
            opened.add(database);
            inboxes.add(database.updateInbox());
        }
        return roundRobin(inboxes);
    }

    @AfterEach
    void closeDatabases() {
        opened.forEach(EmbeddedDatabase::close);
    }

    private static UpdateInbox roundRobin(List<UpdateInbox> inboxes) {
        AtomicInteger calls = new AtomicInteger();
        return (UpdateInbox) Proxy.newProxyInstance(UpdateInbox.class.getClassLoader(), new Class<?>[] {UpdateInbox.class},
                (proxy, method, arguments) -> {
                    UpdateInbox next = inboxes.get(Math.floorMod(calls.getAndIncrement(), inboxes.size()));
                    try {
                        return method.invoke(next, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
