package cn.jinguo.integration;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a request body, taken while the endpoint reads it: nothing is kept, so a 20 MB upload costs no
 * memory. What the endpoint leaves unread is read (and hashed) when the stream is closed or {@link #finish()}ed.
 *
 * <p>In a multipart body the boundary is left out of the hash: a client draws a new random boundary for every
 * request (curl, browsers, HTTP libraries), so the same form sent twice would otherwise never hash the same. The
 * boundary is removed wherever it occurs, found with Knuth–Morris–Pratt so that no byte is looked at twice.
 */
final class BodyDigest extends FilterInputStream {
    /** RFC 2046 allows 70 characters; anything much longer is hashed as it is. */
    static final int MAX_BOUNDARY = 200;

    private final MessageDigest sha = sha256();
    private final byte[] boundary;
    private final int[] fallback;
    private int matched;
    private boolean ended;
    private IOException broken;
    private String hex;

    /** @param multipartBoundary the boundary of a multipart body, or null */
    BodyDigest(InputStream in, String multipartBoundary) {
        super(in == null ? InputStream.nullInputStream() : in);
        boolean usable =
                multipartBoundary != null && !multipartBoundary.isEmpty() && multipartBoundary.length() <= MAX_BOUNDARY;
        this.boundary = usable ? multipartBoundary.getBytes(StandardCharsets.ISO_8859_1) : null;
        this.fallback = usable ? prefixFunction(boundary) : null;
    }

    /** Reads the rest of the body (if the endpoint did not) and returns the hash as 64 hex digits. */
    String finish() throws IOException {
        drain();
        if (broken != null) throw broken;
        if (hex == null) {
            if (boundary != null) sha.update(boundary, 0, matched);
            matched = 0;
            hex = HexFormat.of().formatHex(sha.digest());
        }
        return hex;
    }

    @Override
    public int read() throws IOException {
        int b = guarded(super.read());
        if (b >= 0) feed(new byte[] {(byte) b}, 0, 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = guarded(in.read(b, off, len));
        if (n > 0) feed(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are part of the body all the same.
        byte[] buf = new byte[(int) Math.min(8192, Math.max(n, 0))];
        long left = n;
        while (left > 0) {
            int r = read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) break;
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: a reset would hash bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** The endpoint is done with the body: what it left unread still counts. */
    @Override
    public void close() throws IOException {
        try {
            drain();
        } catch (IOException e) {
            broken = e;
        }
        super.close();
    }

    private void drain() throws IOException {
        if (ended || broken != null) return;
        byte[] buf = new byte[8192];
        try {
            while (read(buf, 0, buf.length) >= 0) {
                // hashed by read
            }
        } catch (IOException e) {
            broken = e;
            throw e;
        }
    }

    private int guarded(int n) {
        if (n < 0) ended = true;
        return n;
    }

    private void feed(byte[] b, int off, int len) {
        if (hex != null) return;
        if (boundary == null) {
            sha.update(b, off, len);
            return;
        }
        int run = off; // bytes that cannot start the boundary pass straight through
        for (int i = off; i < off + len; i++) {
            if (matched == 0 && b[i] != boundary[0]) continue;
            if (i > run) sha.update(b, run, i - run);
            run = i + 1;
            step(b[i]);
        }
        if (off + len > run) sha.update(b, run, off + len - run);
    }

    private void step(byte c) {
        while (matched > 0 && boundary[matched] != c) {
            // The bytes held back no longer start the boundary: the ones the shorter match does not keep go to the
            // hash (they are the boundary's own first bytes, as held back).
            int keep = fallback[matched - 1];
            sha.update(boundary, 0, matched - keep);
            matched = keep;
        }
        if (boundary[matched] == c) {
            matched++;
            if (matched == boundary.length) matched = 0; // a whole boundary: left out
        } else {
            sha.update(c);
        }
    }

    /** For each prefix of {@code p}, the length of its longest proper prefix that is also its suffix. */
    static int[] prefixFunction(byte[] p) {
        int[] f = new int[p.length];
        for (int i = 1, k = 0; i < p.length; i++) {
            while (k > 0 && p[i] != p[k]) k = f[k - 1];
            if (p[i] == p[k]) k++;
            f[i] = k;
        }
        return f;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
