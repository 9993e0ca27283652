package cn.jinguo.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where file bytes live. Content-addressed: the key is derived from the SHA-256, so the same bytes are stored
 * once and a key never points at different content. The local file system is the default; an object store
 * (MinIO, OSS) implements the same operations.
 */
public interface FileStore {
    /** Stores the file's bytes under a key for {@code sha256} (a no-op when already stored); returns the key. */
    String put(Path source, String sha256) throws IOException;

    /**
     * Like {@link #put} for a temporary file the caller gives up (a finished resumable upload, a re-encoded image):
     * moved rather than copied where the store can; {@code source} is gone afterwards.
     */
    default String adopt(Path source, String sha256) throws IOException {
        String key = put(source, sha256);
        java.nio.file.Files.deleteIfExists(source);
        return key;
    }

    InputStream open(String key) throws IOException;

    boolean exists(String key);
}
