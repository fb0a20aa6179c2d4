package dev.forgebot.bootstrap.architecture.planted;

/** Planted violation: a virtual thread started outside bootstrap.runtime. */
public class VirtualThreadStarter {
    Thread start(Runnable work) {
        return Thread.startVirtualThread(work);
    }
}
