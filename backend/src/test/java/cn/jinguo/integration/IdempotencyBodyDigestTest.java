package cn.jinguo.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The request-body hash behind Idempotency-Key (plain JUnit). */
class IdempotencyBodyDigestTest {
    private static String sha(byte[] b) {
        return HexFormat.of().formatHex(BodyDigest.sha256().digest(b));
    }

    private static String hashByReading(byte[] body, String boundary, int chunk) throws IOException {
        BodyDigest d = new BodyDigest(new ByteArrayInputStream(body), boundary);
        byte[] buf = new byte[chunk];
        while (d.read(buf, 0, buf.length) >= 0) {
            // an endpoint reading
        }
        return d.finish();
    }

    private static byte[] form(String boundary, String fileName, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + content.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(t, 0, all, h.length + content.length, t.length);
        return all;
    }

    @Test
    void aPlainBodyHashesAsItsBytes() throws IOException {
        byte[] body = "{\"title\":\"三八节\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(sha(body), hashByReading(body, null, 3));
        assertEquals(sha(body), hashByReading(body, null, 8192));
    }

    @Test
    void whatTheEndpointLeavesUnreadStillCounts() throws IOException {
        byte[] body = "{\"a\":1}   \n".getBytes(StandardCharsets.UTF_8);
        BodyDigest d = new BodyDigest(new ByteArrayInputStream(body), null);
        d.read(new byte[4]);
        d.close(); // as Jackson does when the value is complete
        assertEquals(sha(body), d.finish());
        BodyDigest untouched = new BodyDigest(new ByteArrayInputStream(body), null);
        assertEquals(sha(body), untouched.finish());
        assertEquals(sha(new byte[0]), new BodyDigest(null, null).finish());
    }

    @Test
    void theSameFormUnderAnotherBoundaryHashesTheSame() throws IOException {
        byte[] content = new byte[50_000];
        new Random(7).nextBytes(content);
        String b1 = "------------------------d74496d66958873e";
        String b2 = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
        String h1 = hashByReading(form(b1, "活动.jpg", content), b1, 1000);
        String h2 = hashByReading(form(b2, "活动.jpg", content), b2, 333);
        assertEquals(h1, h2);
        // Byte by byte, too.
        BodyDigest d = new BodyDigest(new ByteArrayInputStream(form(b2, "活动.jpg", content)), b2);
        while (d.read() >= 0) {
            // one at a time
        }
        assertEquals(h1, d.finish());

        content[25_000] ^= 1;
        assertNotEquals(h1, hashByReading(form(b1, "活动.jpg", content), b1, 1000));
        assertNotEquals(h1, hashByReading(form(b1, "活动2.jpg", content), b1, 1000));
    }

    @Test
    void contentThatAlmostMatchesTheBoundaryIsHashedWhole() throws IOException {
        // Dashes are where curl's boundaries start: a run of them, then a near miss, must not lose a byte.
        String boundary = "------------------------abcabd";
        String near = "-------------------------abcabcabd----abca";
        byte[] a = form(boundary, "x.txt", near.getBytes(StandardCharsets.US_ASCII));
        byte[] b = form("------------------------zzzzzz", "x.txt", near.getBytes(StandardCharsets.US_ASCII));
        assertEquals(hashByReading(a, boundary, 7), hashByReading(b, "------------------------zzzzzz", 5));
        byte[] other = form(boundary, "x.txt", (near + "-").getBytes(StandardCharsets.US_ASCII));
        assertNotEquals(hashByReading(a, boundary, 7), hashByReading(other, boundary, 7));
    }

    @Test
    void theBoundaryComesFromTheContentType() {
        assertEquals(
                "abc", IdempotencyFilter.multipartBoundary(MediaType.valueOf("multipart/form-data; boundary=abc")));
        assertEquals(
                "a b", IdempotencyFilter.multipartBoundary(MediaType.valueOf("multipart/form-data; boundary=\"a b\"")));
        assertNull(IdempotencyFilter.multipartBoundary(MediaType.APPLICATION_JSON_TYPE));
        assertNull(IdempotencyFilter.multipartBoundary(null));
    }

    @Test
    void keysAreOneToTwoHundredFiftyFivePrintableAsciiCharacters() {
        assertTrue(IdempotencyFilter.wellFormed("8e03978e-40d5-43e8-bc93-6894a57f9324"));
        assertTrue(IdempotencyFilter.wellFormed("\"quoted sf-string\""));
        assertTrue(IdempotencyFilter.wellFormed("x".repeat(255)));
        assertFalse(IdempotencyFilter.wellFormed("x".repeat(256)));
        assertFalse(IdempotencyFilter.wellFormed(""));
        assertFalse(IdempotencyFilter.wellFormed("   "));
        assertFalse(IdempotencyFilter.wellFormed("键"));
        assertFalse(IdempotencyFilter.wellFormed("a\tb"));
    }

    @Test
    void aBodyThatBreaksOffIsNoHash() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        BodyDigest d = new BodyDigest(broken, null);
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, d::finish);
    }
}
