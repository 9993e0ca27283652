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
@Tag(
        name = "文件 Files",
        description =
                "附件、照片、视频的上传与下载（大文件分片续传）/ attachments, photos and videos: upload (resumable for large files) and download")
public class FileResource {
    @Inject
    FileService service;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "uploadFile",
            summary = "上传文件 / upload a file",
            description = "为某单位上传文件（通知附件、方案附件、活动照片与视频），之后按 id 引用。类型按内容识别（扩展名须与内容一致），"
                    + "接受 " + FileTypes.ACCEPTED + "；大小上限默认 20 MB（更大的视频用 POST /uploads 分片上传）；记录 SHA-256。"
                    + "图片（JPEG/PNG/GIF）解码后重新编码保存（去除 EXIF/GPS 等元数据，按拍摄方向摆正），并生成缩略图；"
                    + "HEIC/WebP 不能解码，请转为 JPEG（415）。需要该单位本单位的 notice:write、plan:write 或 report:write 权限。"
                    + " / Uploads a file for an org (notice or plan attachment, activity photo or video), referenced"
                    + " afterwards by id. The type is recognised from the content and must match the extension; default"
                    + " limit 20 MB (larger videos go through POST /uploads); SHA-256 recorded. Images are decoded and"
                    + " re-encoded (metadata such as EXIF/GPS dropped, turned upright) with a thumbnail; HEIC/WebP are"
                    + " refused (415). Needs notice:write, plan:write or report:write as a member of the org itself.")
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StoredFileView.class)))
    @APIResponse(responseCode = "413", description = "文件过大，或图片像素过多 / file too large, or an image with too many pixels")
    @APIResponse(
            responseCode = "415",
            description = "类型不允许、内容与扩展名不符或图片格式无法解码 / type not accepted, content not what the name says,"
                    + " or an image format that cannot be decoded")
    @APIResponse(responseCode = "422", description = "图片无法解码（已损坏）/ the image does not decode")
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
    @Path("/limits")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getFileLimits",
            summary = "上传限制 / upload limits",
            description =
                    "可上传的类型与大小上限、分片大小和图片像素上限，供客户端在发送前提示。"
                            + " / Accepted types, size limits, chunk size and image limits, for clients to check before sending.")
    public FileDtos.FileLimits limits() {
        return service.limits();
    }

    @GET
    @Path("/{id}/meta")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getFile",
            summary = "文件信息 / file metadata",
            description = "名称、类型、类别、大小、SHA-256，图片的宽高与是否有缩略图。可见范围同下载。"
                    + " / Name, type, kind, size and hash, an image's size in pixels and whether it has a thumbnail;"
                    + " visible to whoever may download it.")
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

    @GET
    @Path("/{id}/thumbnail")
    // Any Accept: a client asking for JSON still gets its problem document when there is no thumbnail.
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "getFileThumbnail",
            summary = "图片缩略图 / image thumbnail",
            description = "图片的 JPEG 缩略图（最长边 320 像素），在页面内显示（inline）。可见范围同下载；不是图片时 404 FILE_NO_THUMBNAIL。"
                    + "ETag 与 If-None-Match（304）。 / The JPEG thumbnail of an image (longest side 320 px), served inline;"
                    + " same read rule as the file; 404 FILE_NO_THUMBNAIL for other files; ETag and 304.")
    @APIResponse(
            responseCode = "200",
            description = "The thumbnail",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "未变化 / not modified (If-None-Match)")
    public Response thumbnail(@PathParam("id") String id, Request request) {
        return inline(service.thumbnail(id), request);
    }

    @GET
    @Path("/{id}/preview")
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "getFilePreview",
            summary = "图片预览 / image display size",
            description = "图片的显示尺寸（最长边 1600 像素的 JPEG；较小的图片即其重新编码后的原图），在页面内显示。其余同缩略图。"
                    + " / The display size of an image (a JPEG whose longest side is 1600 px; smaller images as"
                    + " re-encoded), served inline; otherwise like the thumbnail.")
    @APIResponse(
            responseCode = "200",
            description = "The preview",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "未变化 / not modified (If-None-Match)")
    public Response preview(@PathParam("id") String id, Request request) {
        return inline(service.preview(id), request);
    }

    /** An image we encoded ourselves, shown in the page; still nosniff and sandboxed, revalidated like files. */
    private static Response inline(FileService.Rendition r, Request request) {
        EntityTag etag = new EntityTag(r.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            closeQuietly(r.content());
            return notModified.build();
        }
        return Response.ok(r.content(), r.contentType())
                .tag(etag)
                .header("Content-Disposition", "inline")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "private, max-age=0, must-revalidate")
                .build();
    }

    private static void closeQuietly(FileService.Download d) {
        closeQuietly(d.content());
    }

    private static void closeQuietly(java.io.InputStream in) {
        try {
            in.close();
        } catch (java.io.IOException ignored) {
            // nothing was sent from it
        }
    }
}
