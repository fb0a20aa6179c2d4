package dev.forgebot.adapter.insforge.http;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.Socket;

/**
 * Creates connections that never log headers or wire bytes. HttpClient's default factory switches to
 * a logging connection when {@code org.apache.hc.client5.http.headers} or {@code .wire} is at DEBUG,
 * and that would print the {@code Authorization: Bearer} key; this one keeps the key out of every log
 * whatever the logging configuration. Public so the model client can build its connections the same way.
 */
public final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection conn = new QuietConnection();
        if (socket != null) {
            conn.bind(socket);
        }
        return conn;
    }

    static final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

        private volatile Timeout socketTimeout;

        QuietConnection() {
            super(Http1Config.DEFAULT);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            super.bind(socket);
            socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder != null ? holder.getSocket() : null;
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            super.setSocketTimeout(timeout);
            socketTimeout = timeout;
        }

        @Override
        public void passivate() {
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            super.setSocketTimeout(socketTimeout);
        }
    }
}
