package cn.jinguo.integration;

import cn.jinguo.common.ApiException;
import cn.jinguo.common.Downloads;
import cn.jinguo.media.FileService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The feed's media behind signed, expiring links: no token, the signature is the right (see {@link SignedLinks}). */
@Path("/v1/feed/files")
@PermitAll
@SecurityRequirements
@Tag(name = "变更订阅 Feed")
public class FeedFileResource {
    @Inject
    SignedLinks links;

    @Inject
    FileService files;

    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "downloadFeedFile",
            summary = "下载订阅中的素材 / download a medium of the feed",
            description = "记录中 downloadUrl 的目标：凭签名下载，无需令牌；过期或签名不符为 403。 / What a record's downloadUrl"
                    + " points at: the signature is the right, no token needed; expired or forged links are 403.")
    @APIResponse(
            responseCode = "200",
            description = "The file",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "链接已过期或签名不符 / link expired or not genuine")
    @APIResponse(responseCode = "404", description = "文件不存在 / no such file")
    public Response file(
            @PathParam("id") String id,
            @QueryParam("expires") @Parameter(description = "失效时间（Unix 秒）/ expiry, Unix seconds") long expires,
            @QueryParam("signature") @Parameter(description = "签名 / signature") String signature) {
        if (!id.matches("\\d{1,18}") || !links.valid(id, expires, signature))
            throw ApiException.forbidden("FEED_LINK_INVALID");
        FileService.Download d = files.downloadSigned(Long.parseLong(id));
        StreamingOutput body = out -> {
            try (InputStream in = d.content()) {
                in.transferTo(out);
            }
        };
        return Downloads.attachment(body, d.file().contentType(), d.file().name());
    }
}
