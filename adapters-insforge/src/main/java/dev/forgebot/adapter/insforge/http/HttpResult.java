package dev.forgebot.adapter.insforge.http;

/** One HTTP response, fully read: status, the two headers the client needs, and the body. */
record HttpResult(int status, String retryAfter, String contentRange, byte[] body) {

    boolean success() {
        return status >= 200 && status < 300;
    }
}
