package cn.jinguo.media;

import cn.jinguo.media.FileDtos.UploadStart;
import cn.jinguo.media.FileDtos.UploadView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/uploads")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "文件 Files",
        description =
                "附件、照片、视频的上传与下载（大文件分片续传）/ attachments, photos and videos: upload (resumable for large files) and download")
public class UploadResource {
    /** The chunk's media type (as in tus); plain octet-stream is accepted too. */
    public static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    static final String UPLOAD_OFFSET = "Upload-Offset";
    static final String UPLOAD_LENGTH = "Upload-Length";

    @Inject
    UploadService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "startUpload",
            summary = "开始分片上传 / start a resumable upload",
            description = "大文件（视频最大 2 GB，可配置）分片上传并可断点续传：先声明单位、文件名和总大小，"
                    + "再用 PATCH /uploads/{id} 按顺序发送分片，最后一个分片到达后文件按内容识别、（图片）重新编码并保存，与 POST /files 相同。"
                    + "权限同 POST /files（本单位的 notice:write、plan:write 或 report:write）；类型按扩展名预检（415），"
                    + "大小按类别检查（413：视频上限 maxVideoSize，其他 maxSize）；每人未完成的上传有上限（429）。"
                    + " / Declares a resumable upload (org, name, total size); send the chunks with PATCH /uploads/{id}."
                    + " When the last byte arrives the file is checked and stored exactly like POST /files. Same right as"
                    + " POST /files; the extension is checked now (415), the size against its kind's limit (413).")
    @APIResponse(
            responseCode = "201",
            description = "Started",
            content = @Content(schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "413", description = "超过该类文件的大小上限 / larger than allowed for its kind")
    @APIResponse(responseCode = "415", description = "不接受的文件类型 / type not accepted")
    @APIResponse(responseCode = "429", description = "未完成的上传过多 / too many unfinished uploads")
    public Response start(UploadStart body, UriInfo uri) {
        UploadView started = service.start(body);
        return Response.created(uri.getBaseUriBuilder()
                        .path("v1/uploads")
                        .path(started.id())
                        .build())
                .header(UPLOAD_OFFSET, started.offset())
                .header(UPLOAD_LENGTH, started.size())
                .entity(started)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getUpload",
            summary = "分片上传进度 / where an upload stands",
            description = "断线或刷新后从 offset 续传；完成后 file 为已保存的文件。只有发起人可见，过期或已取消为 404。"
                    + " / The offset to resume from after a broken connection; file once complete. Only its starter"
                    + " sees it; expired or cancelled uploads are 404.")
    @APIResponse(
            responseCode = "200",
            description = "The upload",
            headers =
                    @Header(
                            name = UPLOAD_OFFSET,
                            description = "已收到的字节数 / bytes received",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
            content = @Content(schema = @Schema(implementation = UploadView.class)))
    public Response get(@PathParam("id") @Parameter(example = "0b6f3c1e-6d1a-4c53-9d55-0d1c2f3a4b5c") String id) {
        return withOffset(service.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({OFFSET_OCTET_STREAM, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            operationId = "appendUpload",
            summary = "发送一个分片 / send a chunk",
            description = "请求体为分片字节（Content-Type: application/offset+octet-stream），请求头 Upload-Offset 为该分片在文件中的起点，"
                    + "须等于服务器已收到的字节数（否则 409，用 GET 查询后续传）。分片不得超过 chunkSize，也不得超过声明的剩余大小（413，不写入任何字节）。"
                    + "分片要么全部收下要么不收。最后一个分片到达时保存文件，响应的 file 为已保存的文件；内容与扩展名不符（415）、图片无法解码（422）"
                    + "或像素过大（413）时上传作废。"
                    + " / The body is the chunk; Upload-Offset says where it starts and must equal the bytes received (409"
                    + " otherwise: GET the upload and resume). At most chunkSize bytes and never beyond the declared size"
                    + " (413, nothing written). A chunk is kept whole or not at all. The last chunk stores the file (in"
                    + " `file`); content refused at that point (415, 422, 413) ends the upload.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = OFFSET_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "200",
            description = "Appended (and stored when complete)",
            headers =
                    @Header(
                            name = UPLOAD_OFFSET,
                            description = "已收到的字节数 / bytes received",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
            content = @Content(schema = @Schema(implementation = UploadView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Upload-Offset 与已收到的字节数不符，或已完成 / offset is not the bytes received, or complete")
    @APIResponse(
            responseCode = "413",
            description = "分片过大或超出声明的大小；图片像素过大 / chunk too large or beyond the size; image too large")
    @APIResponse(responseCode = "415", description = "内容与扩展名不符 / content is not what the name says")
    @APIResponse(responseCode = "422", description = "图片无法解码 / the image does not decode")
    public Response append(
            @PathParam("id") String id,
            @HeaderParam(UPLOAD_OFFSET)
                    @Parameter(
                            description = "分片在文件中的起点（字节）/ where the chunk starts in the file",
                            example = "8388608",
                            required = true)
                    String offset,
            InputStream body) {
        return withOffset(service.append(id, offset, body));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "cancelUpload",
            summary = "取消分片上传 / cancel an upload",
            description = "删除已收到的分片；已完成的上传只删除会话，文件保留。 / Drops what was received; for a finished"
                    + " upload only the session goes, the file stays.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    public Response cancel(@PathParam("id") String id) {
        service.cancel(id);
        return Response.noContent().build();
    }

    private static Response withOffset(UploadView view) {
        return Response.ok(view)
                .header(UPLOAD_OFFSET, view.offset())
                .header(UPLOAD_LENGTH, view.size())
                .header("Cache-Control", "no-store")
                .build();
    }
}
