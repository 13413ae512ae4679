package io.github.tencentci.camel.delivery;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The repository all nodes share, as one string: {@code kafka|<bootstrap servers>|<topic>} for camel-kafka's
 * {@link KafkaIdempotentRepository}, or any {@link RepositorySpec} ({@code jdbc|<url>|<processor name>}).
 */
record SharedRepositorySpec(String text) {

    /** Above the number of (job, state) keys any test lists: the Kafka repository answers from this local cache only. */
    static final int KAFKA_CACHE_SIZE = 100_000;

    static SharedRepositorySpec kafka(String bootstrapServers, String topic) {
        return new SharedRepositorySpec("kafka|" + bootstrapServers + "|" + topic);
    }

    static SharedRepositorySpec of(RepositorySpec spec) {
        return new SharedRepositorySpec(spec.format());
    }

    static SharedRepositorySpec parse(String text) {
        return new SharedRepositorySpec(text);
    }

    String format() {
        return text;
    }

    private boolean isKafka() {
        return text.startsWith("kafka|");
    }

    private String[] kafkaParts() {
        return text.split("\\|", -1);
    }

    /** A new, unstarted repository; the consumer starts it when this node becomes the leader. */
    IdempotentRepository open(CamelContext context) {
        if (!isKafka()) {
            return RepositorySpec.parse(text).open();
        }
        String[] parts = kafkaParts();
        KafkaIdempotentRepository repository = new KafkaIdempotentRepository(parts[2], parts[1], KAFKA_CACHE_SIZE, 100);
        repository.setCamelContext(context);
        return repository;
    }

    /** The keys stored right now: the table's rows, or the topic's adds less its removes read from the beginning. */
    Set<String> storedKeys() throws Exception {
        if (!isKafka()) {
            return RepositorySpec.parse(text).storedKeys();
        }
        String[] parts = kafkaParts();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, parts[1],
                ConsumerConfig.GROUP_ID_CONFIG, "stored-keys-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Set<String> keys = new LinkedHashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(parts[2]).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    switch (record.value()) {
                        case "add" -> keys.add(record.key());
                        case "remove" -> keys.remove(record.key());
                        case "clear" -> keys.clear();
                        default -> throw new IllegalStateException("unknown cache action " + record.value());
                    }
                }
            }
        }
        return keys;
    }
}
