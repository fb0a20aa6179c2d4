package dev.forgebot.bootstrap.architecture.planted;

import java.util.concurrent.CompletableFuture;

/** Planted violation: fire-and-forget work on the common pool. */
public class CompletableFutureOnCommonPool {
    CompletableFuture<Void> fire(Runnable work) {
        return CompletableFuture.runAsync(work);
    }
}
