package cn.jinguo.media;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/v1/files")
@Authenticated
@Tag(name = "文件 Files")
public class FileResource {
    @Inject
    FileService service;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "uploadFile",
            summary = "上传文件 / upload a file",
            description =
                    "为某单位上传文件（如通知附件），之后在通知的 attachments 中引用其 id。类型按内容识别（扩展名须与内容一致），"
                            + "接受 " + FileTypes.ACCEPTED + "；大小上限默认 20 MB；记录 SHA-256。需要该单位的 notice:write 权限。"
                            + " / Uploads a file for an org (e.g. a notice attachment), referenced afterwards by id. The type is"
                            + " recognised from the content and must match the extension; default limit 20 MB; SHA-256 recorded.")
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StoredFileView.class)))
    @APIResponse(responseCode = "413", description = "文件过大 / file too large")
    @APIResponse(
            responseCode = "415",
            description = "类型不允许或内容与扩展名不符 / type not accepted, or content not what the name says")
    public Response upload(
            @QueryParam("orgId") @Parameter(description = "文件所属单位 / owning org", example = "1", required = true)
                    String orgId,
            @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file,
            UriInfo uri) {
        StoredFileView stored =
                service.upload(orgId, file == null ? null : file.fileName(), file == null ? null : file.uploadedFile());
        return Response.created(uri.getBaseUriBuilder()
                        .path("v1/files")
                        .path(stored.id())
                        .build())
                .entity(stored)
                .build();
    }

    @GET
    @Path("/{id}/meta")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getFile",
            summary = "文件信息 / file metadata",
            description = "名称、类型、大小、SHA-256。可见范围同下载。 / Name, type, size and hash; visible to whoever may download it.")
    public StoredFileView meta(@PathParam("id") String id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "downloadFile",
            summary = "下载文件 / download a file",
            description = "所属单位在您的范围内，或文件附在您能查看的通知上（如收到的通知）时可下载；否则 404。"
                    + "总是作为附件下载（Content-Disposition: attachment），ETag 为 SHA-256。"
                    + " / Downloadable when its owner org is in your scope or it is attached to a notice you can read;"
                    + " always served as an attachment; the ETag is the SHA-256.")
    @APIResponse(
            responseCode = "200",
            description = "The file",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "未变化 / not modified (If-None-Match)")
    public Response download(@PathParam("id") String id, Request request) {
        FileService.Download d = service.download(id);
        EntityTag etag = new EntityTag(d.file().sha256());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            closeQuietly(d);
            return notModified.build();
        }
        String encoded =
                URLEncoder.encode(d.file().name(), StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = d.file().name().replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_");
        return Response.ok(d.content(), d.file().contentType())
                .tag(etag)
                .header("Content-Length", d.file().size())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                // Never rendered in our origin, whatever a browser guesses.
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "private, max-age=0, must-revalidate")
                .build();
    }

    private static void closeQuietly(FileService.Download d) {
        try {
            d.content().close();
        } catch (java.io.IOException ignored) {
            // nothing was sent from it
        }
    }
}
