package cn.jinguo.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real photos and videos for upload tests, and the resumable upload protocol as a client speaks it. */
public final class Media {
    /** What a phone puts in a photo and must not survive re-encoding. */
    public static final String SECRET = "GPS 29.5630N 106.5516E iPhone serial F2LXJ0QNHG7F";

    public static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    private Media() {}

    /** An image whose left half is red and right half blue (so a rotation shows where the halves went). */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** A photo-like image (halves with noise), which compresses as badly as a real photo. */
    public static BufferedImage noisy(int width, int height, long seed) {
        BufferedImage image = halves(width, height);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, image.getRGB(x, y) ^ (random.nextInt() & 0x3F3F3F));
            }
        }
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(int width, int height) {
        return encode(halves(width, height), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(halves(width, height), "png");
    }

    /**
     * A JPEG as a phone writes it: an EXIF segment (APP1) right after SOI with the orientation tag, a description
     * carrying {@link #SECRET} and a GPS IFD with a latitude reference.
     */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        byte[] secret = (SECRET + "\0").getBytes(StandardCharsets.US_ASCII);
        // TIFF (big-endian): header, IFD0 with 3 entries, then the GPS IFD with 1 entry, then the description.
        int ifd0 = 8;
        int gpsIfd = ifd0 + 2 + 3 * 12 + 4;
        int text = gpsIfd + 2 + 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(text + secret.length);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(ifd0);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(secret.length).putInt(text); // ImageDescription
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd); // GPS IFD pointer
        tiff.putInt(0);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0}); // GPSLatitudeRef
        tiff.putInt(0);
        tiff.put(secret);
        byte[] exif = ("Exif\0\0").getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exif.length + tiff.capacity();
        ByteBuffer out = ByteBuffer.allocate(plain.length + 2 + length);
        out.put(plain, 0, 2); // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(exif).put(tiff.array());
        out.put(plain, 2, plain.length - 2);
        return out.array();
    }

    /** A PNG whose header claims {@code width} × {@code height} pixels, with a token of data: a decompression bomb. */
    public static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** An MP4 of {@code size} bytes: an ftyp box, then noise (nothing decodes videos: only the head is checked). */
    public static byte[] mp4(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] ftyp = {
            0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'
        };
        System.arraycopy(ftyp, 0, bytes, 0, ftyp.length);
        return bytes;
    }

    /** HEIF as iPhones write it (.heic): an ftyp box with the "heic" brand. */
    public static byte[] heic() {
        byte[] bytes = Arrays.copyOf(
                new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1'}, 64);
        return bytes;
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POST /uploads as {@code user}. */
    public static Response start(String user, String orgId, String fileName, long size) {
        return Api.as(user)
                .body(Map.of("orgId", orgId, "fileName", fileName, "size", size))
                .post("/api/v1/uploads");
    }

    /** PATCH /uploads/{id} with one chunk at {@code offset}. */
    public static Response chunk(String user, String uploadId, long offset, byte[] bytes) {
        return given().auth()
                .oauth2(Api.token(user))
                .accept("application/json")
                .contentType(OFFSET_OCTET_STREAM)
                .header("Upload-Offset", offset)
                .body(bytes)
                .patch("/api/v1/uploads/" + uploadId);
    }

    /** A whole resumable upload in chunks of {@code chunkSize}; the answer to the last chunk. */
    public static Response resumable(String user, String orgId, String fileName, byte[] content, int chunkSize) {
        String id = start(user, orgId, fileName, content.length)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Response last = null;
        for (int offset = 0; offset < content.length; offset += chunkSize) {
            last = chunk(
                    user,
                    id,
                    offset,
                    Arrays.copyOfRange(content, offset, Math.min(content.length, offset + chunkSize)));
            if (last.statusCode() != 200) return last;
        }
        return last;
    }
}
