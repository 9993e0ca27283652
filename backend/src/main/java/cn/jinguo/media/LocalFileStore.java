package cn.jinguo.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Files under {@code jinguo.files.dir}, as {@code ab/cd/<sha256>}; written to a temporary name, then moved. */
@ApplicationScoped
public class LocalFileStore implements FileStore {
    private final Path root;

    LocalFileStore(@ConfigProperty(name = "jinguo.files.dir") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String put(Path source, String sha256) throws IOException {
        String key = key(sha256);
        Path target = resolve(key);
        if (Files.exists(target)) return key;
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            // Atomic: a reader never sees half a file, and a concurrent upload of the same bytes is harmless.
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return key;
    }

    /** A move when source and store share a file system (a 2 GB video is not copied twice); a copy otherwise. */
    @Override
    public String adopt(Path source, String sha256) throws IOException {
        String key = key(sha256);
        Path target = resolve(key);
        if (Files.exists(target)) {
            Files.deleteIfExists(source);
            return key;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            key = put(source, sha256);
            Files.deleteIfExists(source);
            return key;
        }
    }

    private static String key(String sha256) {
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    private Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) throw new IllegalArgumentException("storage key outside the store");
        return p;
    }
}
