package dev.forgebot.benchmarks;

import dev.forgebot.adapter.telegram.WebhookSecret;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of the webhook's secret check ({@link WebhookSecret#matches}) for a 256-character secret
 * (Telegram's longest) against three presented values of the same length: one that differs in the
 * first character ({@code prefix0}), one that differs only in the last ({@code prefix255}), and the
 * secret itself ({@code right}). The three must take the same time: an attacker timing the 401s must
 * learn nothing about how much of a guess was right.
 *
 * <p>{@code naiveEquals} runs {@link String#equals} on the same inputs as a control: it stops at the
 * first difference, so it shows what a prefix-dependent compare looks like at this resolution.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar WebhookSecret -f 1 -wi 3 -w 1s -i 5 -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WebhookSecretBenchmark {

    private static final int LENGTH = 256;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    /** How much of the secret the presented value gets right. */
    @Param({"prefix0", "prefix255", "right"})
    private String presentedKind;

    private WebhookSecret secret;
    private String secretValue;
    private String presented;

    /** The same secret every run; the presented value built as a new string, never the secret's instance. */
    @Setup
    public void buildValues() {
        Random random = new Random(20_261_101L);
        StringBuilder value = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        secretValue = value.toString();
        secret = WebhookSecret.of(secretValue);
        presented = switch (presentedKind) {
            case "prefix0" -> other(secretValue.charAt(0)) + secretValue.substring(1);
            case "prefix255" -> secretValue.substring(0, LENGTH - 1) + other(secretValue.charAt(LENGTH - 1));
            case "right" -> new String(secretValue.toCharArray());
            default -> throw new IllegalArgumentException(presentedKind);
        };
    }

    /** The check the webhook server runs on every delivery. */
    @Benchmark
    public boolean secretMatches() {
        return secret.matches(presented);
    }

    /** The control: a compare that stops at the first difference. */
    @Benchmark
    public boolean naiveEquals() {
        return secretValue.equals(presented);
    }

    private static char other(char c) {
        return c == 'a' ? 'b' : 'a';
    }
}
