package dev.forgebot.bootstrap.architecture.planted;

/** Planted violation: a thread created outside bootstrap.runtime. */
public class NewThread {
    Thread thread(Runnable work) {
        return new Thread(work, "unsupervised");
    }
}
