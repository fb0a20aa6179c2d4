package dev.forgebot.adapter.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.forgebot.adapter.telegram.dto.User;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over TLS the token still reaches the server in the request line, on a new and on a reused
 * connection: the connections of {@link TokenConnectionFactory} survive the TLS upgrade. The server is
 * the JDK's HTTPS server with a throw-away certificate made by {@code keytool}.
 */
class TlsRoundTripIT {

    static final BotToken TOKEN = BotToken.of("4040404:AAtls_round-trip_0123456789abcdef");
    static final char[] PASSWORD = "changeit".toCharArray();

    @Test
    void theTokenReachesAnHttpsServerInTheRequestLine(@TempDir Path dir) throws Exception {
        KeyStore serverKeys = selfSignedFor127001(dir);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverKeys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("fake", serverKeys.getCertificate("fake"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trust.getTrustManagers(), null);

        List<String> paths = new CopyOnWriteArrayList<>();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                paths.add(exchange.getRequestURI().getPath());
                byte[] body = "{\"ok\":true,\"result\":{\"id\":4040404,\"is_bot\":true,\"first_name\":\"T\"}}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        try (HttpTelegramApi api = new HttpTelegramApi(TelegramApiConfig.defaults(
                URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/tg"), TOKEN), clientTls)) {

            User first = api.getMe();
            User second = api.getMe();

            assertThat(first.id()).isEqualTo(4040404);
            assertThat(second.id()).isEqualTo(4040404);
            assertThat(paths).containsExactly("/tg/bot" + TOKEN.reveal() + "/getMe", "/tg/bot" + TOKEN.reveal() + "/getMe");
        } finally {
            server.stop(0);
        }
    }

    private static KeyStore selfSignedFor127001(Path dir) throws Exception {
        Path file = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "fake", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
