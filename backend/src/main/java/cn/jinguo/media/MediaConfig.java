package cn.jinguo.media;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Limits and places of uploaded files ({@code jinguo.files.*}). */
@ConfigMapping(prefix = "jinguo.files")
public interface MediaConfig {
    /** Root of the local file store. */
    Path dir();

    /** Largest file in one request, and largest non-video file of a resumable upload. */
    MemorySize maxSize();

    /** Largest video, sent in chunks through an upload session. */
    @WithDefault("2G")
    MemorySize maxVideoSize();

    /** Size of the chunks the client is told to send; below quarkus.http.limits.max-body-size. */
    @WithDefault("8M")
    MemorySize chunkSize();

    /** Where the parts of unfinished uploads are kept (default: {@code <dir>/.uploads}). */
    Optional<Path> uploadDir();

    /** How long an upload session lives after its last chunk. */
    @WithDefault("24h")
    Duration uploadTtl();

    /** How often stale upload sessions are removed ("off" in tests, which call the cleanup themselves). */
    @WithDefault("1h")
    String uploadCleanup();

    /** Unfinished upload sessions one person may hold. */
    @WithDefault("20")
    int maxOpenUploads();

    Image image();

    interface Image {
        /** Decompression-bomb guard: larger images (width × height, read from the header) are refused. */
        @WithDefault("50000000")
        long maxPixels();

        /** Longest side of the thumbnail (JPEG). */
        @WithDefault("320")
        int thumbnailSize();

        /** Longest side of the display size (JPEG), made only for larger images. */
        @WithDefault("1600")
        int previewSize();

        /**
         * Pixels decoded at once, all uploads together: about 8 bytes of heap each while an image is decoded,
         * turned and scaled (400 MB for the default). Larger images wait for smaller ones to finish.
         */
        @WithDefault("50000000")
        long decodePixels();
    }
}
