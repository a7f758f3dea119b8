package io.newsstream.launcher;

import io.newsstream.producer.ArticlePublisher;
import io.newsstream.producer.ArticleReader;
import io.newsstream.producer.ProducerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code newsstream produce PATH...}: publishes article files, folders and JSON-lines files. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publish articles (.txt/.html files, folders of them, .jsonl files) to Kafka as Avro.")
final class ProduceCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--topic", defaultValue = "news.articles.raw", description = "Topic (default: ${DEFAULT-VALUE})")
    String topic;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to publish")
    List<Path> paths;

    @Override
    public Integer call() {
        final ProducerSettings settings = new ProducerSettings(kafka.bootstrapServers, kafka.schemaRegistryUrl, topic,
                kafka.kafkaProperties);
        return publish(settings, paths, System.out) ? 0 : 1;
    }

    /** Publishes every article under {@code paths}, prints one line per article and a summary; false if any failed. */
    static boolean publish(final ProducerSettings settings, final List<Path> paths, final PrintStream out) {
        final ArticleReader reader = new ArticleReader(Clock.systemUTC());
        final List<ArticleReader.Rejected> rejected = new ArrayList<>();
        final List<ArticlePublisher.Published> results;
        try (ArticlePublisher publisher = new ArticlePublisher(settings)) {
            for (Path path : paths) {
                reader.read(path, publisher::send, rejected::add);
            }
            results = publisher.flush();
        }
        long failed = 0;
        for (ArticlePublisher.Published p : results) {
            if (p.ok()) {
                out.printf("published %-28s partition %d offset %d%n", p.id(), p.partition(), p.offset());
            } else {
                failed++;
                out.printf("FAILED    %-28s %s%n", p.id(), p.error());
            }
        }
        rejected.forEach(r -> out.printf("rejected  %s: %s%n", r.where(), r.reason()));
        out.printf("%d published, %d failed, %d rejected%n", results.size() - failed, failed, rejected.size());
        return failed == 0 && rejected.isEmpty();
    }
}
