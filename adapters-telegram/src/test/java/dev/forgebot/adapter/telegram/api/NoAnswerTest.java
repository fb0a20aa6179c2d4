package dev.forgebot.adapter.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoAnswerTest {

    static final BotToken TOKEN = BotToken.of("123456:AAsecret_part-0123456789abcdef");

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused"), false, "connection refused"),
                Arguments.of(new HttpHostConnectException("Connect to http://h:1 failed"), false, "connection refused"),
                Arguments.of(new ConnectTimeoutException("Connect timed out"), false, "connect timed out"),
                Arguments.of(new UnknownHostException("h"), false, "unknown host"),
                Arguments.of(new NoRouteToHostException("no route"), false, "no route to host"),
                Arguments.of(new ConnectionRequestTimeoutException("lease"), false, "no free connection in the pool"),
                Arguments.of(new SocketTimeoutException("Read timed out"), true, "read timed out"),
                Arguments.of(new NoHttpResponseException("h:1 failed to respond"), true, "no response"),
                Arguments.of(new ConnectionClosedException("Premature end"), true, "connection closed"),
                Arguments.of(new SocketException("Connection reset"), true, "connection reset"),
                Arguments.of(new IOException("something else"), true, "I/O error"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void tellsNothingSentFromSentButUnanswered(IOException failure, boolean sent, String what) {
        TelegramUnreachableException e = NoAnswer.translate("sendMessage", failure, new TokenRedaction(TOKEN));

        assertThat(e.requestSent()).isEqualTo(sent);
        assertThat(e.getMessage()).contains(what);
        assertThat(e.method()).isEqualTo("sendMessage");
    }

    @Test
    void theCauseIsAPlainCopyWithTheTokenRedacted() {
        IOException failure = new SocketTimeoutException("timeout on /bot" + TOKEN.reveal() + "/getMe");

        TelegramUnreachableException e = NoAnswer.translate("getMe", failure, new TokenRedaction(TOKEN));

        assertThat(e.getMessage()).doesNotContain("secret_part").contains("/bot****/getMe");
        assertThat(e.getCause()).isExactlyInstanceOf(IOException.class);
        assertThat(e.getCause().getMessage()).doesNotContain("secret_part")
                .startsWith("java.net.SocketTimeoutException: timeout on /bot****/getMe");
        assertThat(e.getCause().getStackTrace()).isEqualTo(failure.getStackTrace());
    }
}
