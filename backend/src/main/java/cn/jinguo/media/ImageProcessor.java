package cn.jinguo.media;

import cn.jinguo.common.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Re-encodes uploaded photos before anyone is served them: what is stored are pixels we decoded and wrote
 * ourselves, so EXIF (GPS position, camera serial), comments and anything appended to the file are gone, and a
 * file that only looks like an image never reaches a browser. Makes the thumbnail and the display size too.
 * javax.imageio only: JPEG, PNG and GIF (its first frame), no native codecs.
 */
@ApplicationScoped
class ImageProcessor {
    /** A progressive JPEG with thousands of scans costs minutes of CPU to decode; real ones have about ten. */
    static final int MAX_JPEG_SCANS = 100;

    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

    @Inject
    MediaConfig config;

    /** Thousands of pixels that may be decoded at once. */
    private int budget;

    private Semaphore decoding;

    /** The re-encoded image and its smaller versions, as temporary files that {@link #close()} removes. */
    record Encoded(Path image, Path thumbnail, Path preview, int width, int height) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            for (Path p : new Path[] {image, thumbnail, preview}) if (p != null) Files.deleteIfExists(p);
        }
    }

    @PostConstruct
    void init() {
        budget = (int) Math.max(1, config.image().decodePixels() / 1000);
        decoding = new Semaphore(budget, true);
    }

    /**
     * Decodes {@code source} (sniffed as {@code contentType}), turns it upright by its EXIF orientation and writes
     * it again in its own format, with a JPEG thumbnail and, for large images, a JPEG display size. 413 for more
     * pixels than allowed (read from the header, before decoding), 422 for an image that does not decode.
     */
    Encoded reencode(Path source, String contentType) throws IOException {
        String format =
                switch (contentType) {
                    case "image/jpeg" -> "jpeg";
                    case "image/png" -> "png";
                    case "image/gif" -> "gif";
                    default -> throw new IllegalArgumentException("not an image type: " + contentType);
                };
        int orientation = 1;
        if (format.equals("jpeg")) {
            if (jpegScans(source) > MAX_JPEG_SCANS) throw unreadable();
            orientation = jpegOrientation(source);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) throw unreadable();
            ImageReader reader = readers.next();
            try {
                // Metadata is never read: it is what we drop, and a place for malformed input to hide.
                reader.setInput(in, true, true);
                long pixels = pixels(reader);
                // Memory goes with pixels (about 8 bytes each while decoding, turning and scaling): decodes wait
                // until their pixels fit in the budget, so many photos at once cannot exhaust the heap.
                int permits = (int) Math.min(budget, Math.max(1, pixels / 1000));
                decoding.acquireUninterruptibly(permits);
                try {
                    return encode(read(reader), format, orientation);
                } finally {
                    decoding.release(permits);
                }
            } finally {
                reader.dispose();
            }
        }
    }

    /** Width × height from the header, checked against the limit before any pixel is decoded. */
    private long pixels(ImageReader reader) {
        int width;
        int height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
        if (width <= 0 || height <= 0) throw unreadable();
        long maxPixels = config.image().maxPixels();
        if ((long) width * height > maxPixels)
            throw new ApiException(
                    413, "FILE_IMAGE_TOO_LARGE", Integer.toString(width), Integer.toString(height), maxPixels);
        return (long) width * height;
    }

    private static BufferedImage read(ImageReader reader) {
        try {
            BufferedImage decoded = reader.read(0);
            if (decoded == null) throw unreadable();
            return decoded;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports malformed data with IIOException and sometimes with runtime exceptions.
            throw e instanceof ApiException api ? api : unreadable();
        }
    }

    private Encoded encode(BufferedImage decoded, String format, int orientation) throws IOException {
        Path image = null;
        Path thumbnail = null;
        Path preview = null;
        try {
            BufferedImage upright = orient(decoded, orientation);
            int width = upright.getWidth();
            int height = upright.getHeight();
            image = Files.createTempFile("jinguo-image-", "." + format);
            write(upright, format, image, 0.92f);
            BufferedImage display = null;
            if (Math.max(width, height) > config.image().previewSize()) {
                display = scale(upright, config.image().previewSize());
                preview = Files.createTempFile("jinguo-preview-", ".jpg");
                write(display, "jpeg", preview, 0.85f);
            }
            thumbnail = Files.createTempFile("jinguo-thumbnail-", ".jpg");
            write(scale(display != null ? display : upright, config.image().thumbnailSize()), "jpeg", thumbnail, 0.8f);
            return new Encoded(image, thumbnail, preview, width, height);
        } catch (IOException | RuntimeException e) {
            new Encoded(image, thumbnail, preview, 0, 0).close();
            throw e;
        }
    }

    private static ApiException unreadable() {
        return ApiException.rule("FILE_IMAGE_UNREADABLE");
    }

    /** Applies an EXIF orientation (1–8) to the pixels, since the tag itself is dropped with the metadata. */
    static BufferedImage orient(BufferedImage src, int orientation) {
        if (orientation <= 1 || orientation > 8) return src;
        int w = src.getWidth();
        int h = src.getHeight();
        AffineTransform t =
                switch (orientation) {
                    case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
                    case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
                    case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored, upside down
                    case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
                    case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turned 90° clockwise
                    case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
                    default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: turned 90° counter-clockwise
                };
        boolean swap = orientation >= 5;
        int type = src.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : src.getType();
        BufferedImage out = type == BufferedImage.TYPE_BYTE_INDEXED || type == BufferedImage.TYPE_BYTE_BINARY
                ? new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB)
                : new BufferedImage(swap ? h : w, swap ? w : h, type);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(src, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * An RGB copy whose longest side is at most {@code maxSide} (never enlarged), transparency on white. Halves
     * step by step: one bilinear step from 4000 px to 320 px would alias badly.
     */
    static BufferedImage scale(BufferedImage src, int maxSide) {
        int w = src.getWidth();
        int h = src.getHeight();
        double f = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * f));
        int targetH = Math.max(1, (int) Math.round(h * f));
        BufferedImage current = src;
        int cw = w;
        int ch = h;
        do {
            if (cw > targetW) cw = Math.max(targetW, cw / 2);
            if (ch > targetH) ch = Math.max(targetH, ch / 2);
            BufferedImage next = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, cw, ch);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(current, 0, 0, cw, ch, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (cw != targetW || ch != targetH);
        return current;
    }

    /** Writes with a fresh writer and no metadata but the format's own minimum (JFIF for JPEG). */
    static void write(RenderedImage image, String format, Path target, float jpegQuality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(jpegQuality);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** Start-of-scan markers (FF DA) in a JPEG; entropy-coded data stuffs FF with 00, so each is a real scan. */
    static int jpegScans(Path file) throws IOException {
        int scans = 0;
        int prev = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (prev == 0xFF && b == 0xDA) scans++;
                    prev = b;
                }
            }
        }
        return scans;
    }

    /** The EXIF orientation of a JPEG (1 when absent or unreadable): segments before the image data only. */
    static int jpegOrientation(Path file) throws IOException {
        try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readUnsignedShort() != 0xFFD8) return 1;
            for (int segment = 0; segment < 64; segment++) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) return 1;
                int length = in.readUnsignedShort() - 2;
                if (length < 0) return 1;
                if (marker == 0xFFE1 && length >= EXIF.length + 8) {
                    byte[] app1 = in.readNBytes(length);
                    if (app1.length < length) return 1;
                    if (Arrays.equals(app1, 0, EXIF.length, EXIF, 0, EXIF.length)) {
                        int o = tiffOrientation(app1, EXIF.length);
                        if (o > 0) return o;
                    }
                } else {
                    in.skipNBytes(length);
                }
            }
        } catch (EOFException e) {
            return 1;
        }
        return 1;
    }

    /** Tag 0x0112 of IFD0 of the TIFF structure at {@code base}; 0 when absent or malformed. */
    static int tiffOrientation(byte[] b, int base) {
        if (b.length < base + 8) return 0;
        ByteBuffer buf = ByteBuffer.wrap(b);
        if (b[base] == 'I' && b[base + 1] == 'I') buf.order(ByteOrder.LITTLE_ENDIAN);
        else if (b[base] == 'M' && b[base + 1] == 'M') buf.order(ByteOrder.BIG_ENDIAN);
        else return 0;
        long ifd = buf.getInt(base + 4) & 0xFFFFFFFFL;
        if (ifd > b.length - base - 2L) return 0;
        int at = base + (int) ifd;
        int count = buf.getShort(at) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int entry = at + 2 + 12 * i;
            if (entry + 12 > b.length) return 0;
            if ((buf.getShort(entry) & 0xFFFF) != 0x0112) continue;
            if ((buf.getShort(entry + 2) & 0xFFFF) != 3) return 0; // SHORT
            int value = buf.getShort(entry + 8) & 0xFFFF;
            return value >= 1 && value <= 8 ? value : 0;
        }
        return 0;
    }
}
