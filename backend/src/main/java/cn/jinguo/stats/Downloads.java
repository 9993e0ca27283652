package cn.jinguo.stats;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Attachments sent by the statistics resources: a written file deleted once sent, or a stream. */
final class Downloads {
    private Downloads() {}

    static Response file(StatsExport.Export export, String mediaType) {
        StreamingOutput body = out -> {
            try {
                Files.copy(export.file(), out);
            } finally {
                Files.deleteIfExists(export.file());
            }
        };
        return attachment(body, mediaType, export.fileName());
    }

    static Response attachment(StreamingOutput body, String mediaType, String fileName) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_");
        return Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
