package dev.forgebot.adapter.telegram.api;

import java.io.IOException;
import java.net.Socket;
import java.util.Objects;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriter;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.io.HttpMessageWriterFactory;
import org.apache.hc.core5.util.CharArrayBuffer;
import org.apache.hc.core5.util.Timeout;

/**
 * Creates the connections of {@link HttpTelegramApi}. Two jobs, both about the token:
 * <ul>
 *   <li>they write the token into the request line as it goes onto the socket, replacing
 *       {@link BotApiPaths#PLACEHOLDER}: every request object HttpClient handles (and logs, for instance
 *       {@code MainClientExec}'s "executing POST ..." at DEBUG) carries the placeholder only;</li>
 *   <li>they never log headers or wire bytes: HttpClient's default factory switches to a logging
 *       connection when {@code org.apache.hc.client5.http.headers} or {@code .wire} is at DEBUG, which
 *       would print the request line with the token.</li>
 * </ul>
 */
final class TokenConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private final HttpMessageWriterFactory<ClassicHttpRequest> writers;

    TokenConnectionFactory(BotToken token) {
        Objects.requireNonNull(token, "token");
        this.writers = () -> new TokenRequestWriter(token);
    }

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        TokenConnection conn = new TokenConnection(writers);
        if (socket != null) {
            conn.bind(socket);
        }
        return conn;
    }

    /** Writes the request line with the token in place of the placeholder. */
    static final class TokenRequestWriter extends DefaultHttpRequestWriter {

        private final BotToken token;

        TokenRequestWriter(BotToken token) {
            this.token = token;
        }

        @Override
        protected void writeHeadLine(ClassicHttpRequest message, CharArrayBuffer lineBuf) throws IOException {
            int start = lineBuf.length();
            super.writeHeadLine(message, lineBuf);
            String line = lineBuf.substring(start, lineBuf.length());
            String revealed = BotApiPaths.reveal(line, token);
            if (!revealed.equals(line)) {
                lineBuf.setLength(start);
                lineBuf.append(revealed);
            }
        }
    }

    /** A plain (non-logging) pooled connection. */
    static final class TokenConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

        private volatile Timeout socketTimeout;

        TokenConnection(HttpMessageWriterFactory<ClassicHttpRequest> writers) {
            super(Http1Config.DEFAULT, null, null, null, null, writers, null);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            super.bind(socket);
            socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
        }

        @Override
        public void bind(javax.net.ssl.SSLSocket sslSocket, Socket socket) throws IOException {
            super.bind(sslSocket, socket);
            socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
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
