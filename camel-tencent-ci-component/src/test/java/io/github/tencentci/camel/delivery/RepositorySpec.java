package io.github.tencentci.camel.delivery;

import java.io.File;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A persistent idempotent repository described as one string, so that a child JVM can open the same one as the test:
 * {@code file|<path>} or {@code jdbc|<jdbc url>|<processor name>}.
 */
record RepositorySpec(String kind, String location, String processorName) {

    static RepositorySpec file(File file) {
        return new RepositorySpec("file", file.getAbsolutePath(), null);
    }

    static RepositorySpec jdbc(String jdbcUrl, String processorName) {
        return new RepositorySpec("jdbc", jdbcUrl, processorName);
    }

    static RepositorySpec parse(String text) {
        String[] parts = text.split("\\|", -1);
        return new RepositorySpec(parts[0], parts[1], parts.length > 2 ? parts[2] : null);
    }

    String format() {
        return kind + "|" + location + (processorName != null ? "|" + processorName : "");
    }

    /** A new, unstarted repository instance over the stored keys. */
    IdempotentRepository open() {
        return switch (kind) {
            case "file" -> FileIdempotentRepository.fileIdempotentRepository(new File(location), 100_000);
            case "jdbc" -> new JdbcMessageIdRepository(dataSource(), processorName);
            default -> throw new IllegalArgumentException("unknown repository kind " + kind);
        };
    }

    /** The keys stored right now, read straight from the file or table. */
    Set<String> storedKeys() throws Exception {
        if (kind.equals("file")) {
            File file = new File(location);
            return file.exists() ? new LinkedHashSet<>(java.nio.file.Files.readAllLines(file.toPath())) : Set.of();
        }
        List<String> ids = new JdbcTemplate(dataSource()).queryForList(
                "SELECT messageId FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ?", String.class, processorName);
        return new LinkedHashSet<>(ids);
    }

    private DataSource dataSource() {
        // one kept connection: a new connection for every contains() would make each walk slow
        return new SingleConnectionDataSource(location, true);
    }
}
