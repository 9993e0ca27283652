package cn.jinguo.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.http.entity.mime.HttpMultipartMode;

/** Uploads and small, real file contents of the accepted types. */
public final class Files {
    private Files() {}

    public static Response upload(String user, String orgId, String fileName, byte[] content) {
        // charset=UTF-8: file names are sent as browsers send them, not as ISO-8859-1 question marks.
        var request = given().auth()
                .oauth2(Api.token(user))
                .accept("application/json")
                .config(RestAssured.config()
                        .httpClient(HttpClientConfig.httpClientConfig()
                                .httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)));
        if (orgId != null) request = request.queryParam("orgId", orgId);
        return request.multiPart("file", fileName, content, "application/octet-stream")
                .post("/api/v1/files");
    }

    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A zip with the given entries (name, content), as .docx/.xlsx/.ofd are. */
    public static byte[] zip(String... entries) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] docx(String text) {
        return zip(
                "[Content_Types].xml",
                "<Types/>",
                "word/document.xml",
                "<w:document><w:t>" + text + "</w:t></w:document>");
    }
}
