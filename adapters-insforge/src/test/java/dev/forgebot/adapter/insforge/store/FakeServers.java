package dev.forgebot.adapter.insforge.store;

import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import java.util.ArrayList;
import java.util.List;

/** The fakes and clients a test started, closed together after it. */
final class FakeServers implements AutoCloseable {

    private final List<AutoCloseable> open = new ArrayList<>();
    private FakeRecordsServer current;

    /** A client on a new, empty fake. */
    synchronized InsForgeHttpClient fresh() {
        current = new FakeRecordsServer();
        open.add(current);
        return anotherClient();
    }

    /** Another client on the latest fake (its state kept). */
    synchronized InsForgeHttpClient anotherClient() {
        InsForgeHttpClient client = current.client();
        open.add(client);
        return client;
    }

    synchronized FakeRecordsServer current() {
        return current;
    }

    @Override
    public synchronized void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                // best effort in tests
            }
        }
        open.clear();
    }
}
