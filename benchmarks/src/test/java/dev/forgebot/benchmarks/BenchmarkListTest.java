package dev.forgebot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The JMH annotation processor must have run: without it the uber-jar starts and finds no
 * benchmarks ("No matching benchmarks"), which a build would otherwise never notice.
 */
class BenchmarkListTest {

    @Test
    void annotationProcessorListedEveryBenchmark() throws IOException {
        // Arrange
        Path list = Path.of("target", "classes", "META-INF", "BenchmarkList");

        // Act
        String content = Files.readString(list, StandardCharsets.UTF_8);

        // Assert
        assertThat(content)
                .contains(" dev.forgebot.benchmarks.KnowledgeBaseSearchBenchmark ")
                .contains(" search ")
                .contains(" SampleTime ")
                .contains(" dev.forgebot.benchmarks.PipelineBenchmark ")
                .contains(" handleOneMessage ")
                .contains(" dev.forgebot.benchmarks.WebhookSecretBenchmark ")
                .contains(" secretMatches ")
                .contains(" dev.forgebot.benchmarks.WebhookDeliveryBenchmark ")
                .contains(" deliverOneUpdate ");
    }
}
