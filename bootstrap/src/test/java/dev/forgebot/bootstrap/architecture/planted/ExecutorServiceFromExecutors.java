package dev.forgebot.bootstrap.architecture.planted;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Planted violation: an executor created outside bootstrap.runtime. */
public class ExecutorServiceFromExecutors {
    ExecutorService pool() {
        return Executors.newFixedThreadPool(2);
    }
}
