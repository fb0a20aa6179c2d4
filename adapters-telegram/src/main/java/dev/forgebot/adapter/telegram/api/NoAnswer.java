package dev.forgebot.adapter.telegram.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.RequestNotExecutedException;

/**
 * Translates an I/O failure of HttpClient into {@link TelegramUnreachableException}, telling "nothing
 * was sent" (the connection was never made) from "sent, but no answer" (which for {@code sendMessage}
 * means the message may have gone out). When unsure, it says sent: a duplicate is better noticed than
 * assumed away. No HttpClient exception leaves: the cause attached is a plain copy with the token
 * redacted from its message.
 */
final class NoAnswer {

    /** What happened, and whether the request may have left. */
    record Kind(boolean requestSent, String what) {
    }

    private NoAnswer() {
    }

    static Kind classify(IOException e) {
        if (e instanceof ConnectionRequestTimeoutException) {
            return new Kind(false, "no free connection in the pool");
        }
        if (e instanceof ConnectTimeoutException) {
            return new Kind(false, "connect timed out");
        }
        if (e instanceof NoRouteToHostException) {
            return new Kind(false, "no route to host");
        }
        if (e instanceof ConnectException) {
            return new Kind(false, "connection refused");
        }
        if (e instanceof UnknownHostException) {
            return new Kind(false, "unknown host");
        }
        if (e instanceof SSLHandshakeException) {
            return new Kind(false, "TLS handshake failed");
        }
        if (e instanceof RequestNotExecutedException) {
            return new Kind(false, "request not executed");
        }
        if (e instanceof SocketTimeoutException) {
            return new Kind(true, "read timed out");
        }
        if (e instanceof NoHttpResponseException) {
            return new Kind(true, "no response");
        }
        if (e instanceof ConnectionClosedException) {
            return new Kind(true, "connection closed");
        }
        if (e instanceof SocketException) {
            return new Kind(true, "connection reset");
        }
        if (e instanceof InterruptedIOException) {
            return new Kind(true, "interrupted");
        }
        if (e instanceof ClientProtocolException) {
            return new Kind(true, "protocol error");
        }
        return new Kind(true, "I/O error");
    }

    static TelegramUnreachableException translate(String method, IOException e, TokenRedaction redaction) {
        Kind kind = classify(e);
        if (kind.what().equals("interrupted")) {
            Thread.currentThread().interrupt();
        }
        String detail = redaction.redact(e.getMessage());
        TelegramUnreachableException out = new TelegramUnreachableException(method, kind.requestSent(),
                kind.what() + " (" + e.getClass().getSimpleName() + (detail == null ? "" : ": " + detail) + ")");
        IOException copy = new IOException(e.getClass().getName() + (detail == null ? "" : ": " + detail));
        copy.setStackTrace(e.getStackTrace());
        out.initCause(copy);
        return out;
    }
}
