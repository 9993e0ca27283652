package cn.jinguo.common;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Attachments the API sends (xlsx exports, zips): a file written beforehand is deleted once sent; and, for a file
 * whose response was never written (a client that went away before the body), an hourly sweep of what is older than
 * an hour. Every such file is made by {@link #tempFile} so the sweep deletes nothing else.
 */
@ApplicationScoped
public class Downloads {
    private static final Logger LOG = Logger.getLogger(Downloads.class);
    private static final String PREFIX = "jinguo-download-";
    private static final Duration MAX_AGE = Duration.ofHours(1);

    /** A new temporary file for a download, e.g. {@code tempFile("tracking", ".xlsx")}. */
    public static Path tempFile(String what, String suffix) {
        try {
            return Files.createTempFile(PREFIX + what + "-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the file as an attachment and deletes it afterwards. */
    public static Response file(Path file, String fileName, String mediaType) {
        StreamingOutput body = out -> {
            try {
                Files.copy(file, out);
            } finally {
                Files.deleteIfExists(file);
            }
        };
        return attachment(body, mediaType, fileName);
    }

    /** An attachment named {@code fileName} (UTF-8 for browsers, an ASCII fallback), never cached, never sniffed. */
    public static Response attachment(StreamingOutput body, String mediaType, String fileName) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_");
        return Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", file, e.getMessage());
        }
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant before = Instant.now().minus(MAX_AGE);
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    deleteQuietly(f);
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.warnf("could not sweep %s: %s", dir, e.getMessage());
        }
        if (deleted > 0) LOG.infof("deleted %d download file(s) left unsent", deleted);
    }
}
