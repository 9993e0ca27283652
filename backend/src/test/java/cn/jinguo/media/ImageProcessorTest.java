package cn.jinguo.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinguo.support.Media;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The pixel work of re-encoding, without the server: orientation, scaling, EXIF parsing, scan counting. */
class ImageProcessorTest {
    private static final int MARK = 0xFF0000;

    /** A 3 × 2 image, black but its stored top-left pixel. */
    private static BufferedImage marked() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, MARK);
        return image;
    }

    /** Where the stored top-left pixel is shown, for each EXIF orientation (the TIFF 6.0 definitions). */
    @Test
    void everyExifOrientationIsTurnedUpright() {
        int[][] expected = {
            // orientation, width, height, x, y of the stored top-left pixel once upright
            {1, 3, 2, 0, 0},
            {2, 3, 2, 2, 0}, // mirrored
            {3, 3, 2, 2, 1}, // upside down
            {4, 3, 2, 0, 1}, // mirrored upside down
            {5, 2, 3, 0, 0}, // transposed
            {6, 2, 3, 1, 0}, // shown turned 90° clockwise
            {7, 2, 3, 1, 2}, // transversed
            {8, 2, 3, 0, 2}, // shown turned 90° counter-clockwise
        };
        for (int[] e : expected) {
            BufferedImage upright = ImageProcessor.orient(marked(), e[0]);
            assertEquals(e[1], upright.getWidth(), "width for orientation " + e[0]);
            assertEquals(e[2], upright.getHeight(), "height for orientation " + e[0]);
            assertEquals(MARK, upright.getRGB(e[3], e[4]) & 0xFFFFFF, "mark for orientation " + e[0]);
        }
    }

    @Test
    void scalingKeepsTheAspectAndNeverEnlarges() {
        BufferedImage big = ImageProcessor.scale(Media.halves(4000, 3000), 320);
        assertEquals(320, big.getWidth());
        assertEquals(240, big.getHeight());
        BufferedImage tall = ImageProcessor.scale(Media.halves(10, 5000), 320);
        assertEquals(1, tall.getWidth());
        assertEquals(320, tall.getHeight());
        BufferedImage small = ImageProcessor.scale(Media.halves(100, 50), 320);
        assertEquals(100, small.getWidth());
        assertEquals(50, small.getHeight());
    }

    @Test
    void theOrientationIsReadFromExifAndDefaultsToUpright() throws Exception {
        Path photo = Files.createTempFile("exif-", ".jpg");
        try {
            for (int o = 1; o <= 8; o++) {
                Files.write(photo, Media.jpegWithExif(20, 10, o));
                assertEquals(o, ImageProcessor.jpegOrientation(photo));
            }
            Files.write(photo, Media.jpeg(20, 10));
            assertEquals(1, ImageProcessor.jpegOrientation(photo));
            Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F});
            assertEquals(1, ImageProcessor.jpegOrientation(photo), "a truncated segment");
            assertEquals(1, ImageProcessor.jpegScans(writeTo(photo, Media.jpeg(20, 10))));
        } finally {
            Files.deleteIfExists(photo);
        }
    }

    @Test
    void malformedTiffStructuresAreIgnored() {
        byte[] offsetOutside = {'M', 'M', 0, 42, 0x7F, 0, 0, 0, 0, 0};
        assertEquals(0, ImageProcessor.tiffOrientation(offsetOutside, 0));
        byte[] notTiff = {'X', 'X', 0, 42, 0, 0, 0, 8, 0, 0};
        assertEquals(0, ImageProcessor.tiffOrientation(notTiff, 0));
        // one entry claimed, none there
        byte[] shortIfd = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0};
        assertEquals(0, ImageProcessor.tiffOrientation(shortIfd, 0));
    }

    private static Path writeTo(Path file, byte[] bytes) throws java.io.IOException {
        Files.write(file, bytes);
        return file;
    }
}
