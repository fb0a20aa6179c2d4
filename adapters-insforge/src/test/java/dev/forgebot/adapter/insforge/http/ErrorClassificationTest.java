package dev.forgebot.adapter.insforge.http;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Pure classification and parsing; building the client opens no socket. */
class ErrorClassificationTest {

    private final InsForgeHttpClient client = new InsForgeHttpClient(
            InsForgeClientConfig.defaults(URI.create("http://127.0.0.1:9"), ApiKey.of("ik_test")));

    @AfterEach
    void close() {
        client.close();
    }

    private InsForgeError parse(String body) {
        return client.parseError(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesInsForgeShape() {
        InsForgeError e = parse("{\"error\":\"DATABASE_DUPLICATE\",\"message\":\"dup\",\"statusCode\":409,\"nextActions\":\"retry\"}");
        assertThat(e.shape()).isEqualTo(InsForgeError.Shape.INSFORGE);
        assertThat(e.code()).isEqualTo("DATABASE_DUPLICATE");
        assertThat(e.message()).isEqualTo("dup");
        assertThat(e.nextActions()).isEqualTo("retry");
    }

    @Test
    void parsesPostgrestShape() {
        InsForgeError e = parse("{\"code\":\"23505\",\"details\":\"Key (email)=(a@b) exists\",\"hint\":null,\"message\":\"duplicate key\"}");
        assertThat(e.shape()).isEqualTo(InsForgeError.Shape.POSTGREST);
        assertThat(e.code()).isEqualTo("23505");
        assertThat(e.details()).contains("a@b");
        assertThat(e.hint()).isNull();
        assertThat(e.summary()).doesNotContain("a@b");
    }

    @Test
    void keepsNonJsonAndEmptyBodies() {
        InsForgeError html = parse("<html><body>Bad gateway</body></html>");
        assertThat(html.shape()).isEqualTo(InsForgeError.Shape.NON_JSON);
        assertThat(html.rawText()).contains("Bad gateway");
        assertThat(parse("Too many requests from this IP").shape()).isEqualTo(InsForgeError.Shape.NON_JSON);
        assertThat(parse("42").shape()).isEqualTo(InsForgeError.Shape.NON_JSON);
        assertThat(parse("").shape()).isEqualTo(InsForgeError.Shape.EMPTY);
        assertThat(parse("x".repeat(10_000)).rawText()).hasSizeLessThan(2100);
    }

    @Test
    void classifiesNetworkFailures() {
        assertThat(InsForgeHttpClient.ioKind(new HttpHostConnectException("refused"))).isEqualTo("connect-failed");
        assertThat(InsForgeHttpClient.ioKind(new ConnectTimeoutException("t"))).isEqualTo("connect-failed");
        assertThat(InsForgeHttpClient.ioKind(new UnknownHostException("h"))).isEqualTo("connect-failed");
        assertThat(InsForgeHttpClient.ioKind(new SocketTimeoutException("read"))).isEqualTo("no-answer");
        assertThat(InsForgeHttpClient.ioKind(new NoHttpResponseException("none"))).isEqualTo("no-answer");
        assertThat(InsForgeHttpClient.ioKind(new SocketException("Connection reset"))).isEqualTo("no-answer");
        assertThat(InsForgeHttpClient.ioKind(new IOException("other"))).isEqualTo("io-error");
    }

    @Test
    void networkFailureCauseIsAPlainIoExceptionCopy() {
        RuntimeException r = InsForgeHttpClient.ioFailure("op", "t", new IOException("disk"));
        assertThat(r).isInstanceOf(InsForgeTransientException.class);
        assertThat(r.getCause()).isExactlyInstanceOf(IOException.class).hasMessage("IOException: disk");
        RuntimeException c = InsForgeHttpClient.ioFailure("op", "t", new HttpHostConnectException("refused"));
        assertThat(c.getCause()).isExactlyInstanceOf(IOException.class);
    }
}
