package cn.jinguo.org;

import cn.jinguo.common.ApiException;
import cn.jinguo.common.Messages;
import cn.jinguo.org.OrgDtos.ImportJobView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/v1/orgs/import")
@Authenticated
@Tag(name = "组织机构 Orgs")
public class OrgImportResource {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    OrgImportService service;

    @GET
    @Path("/template")
    @Produces({XLSX, "text/csv", MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "downloadOrgImportTemplate",
            summary = "下载导入模板 / download the import template",
            description = "列：编码、名称、简称、上级编码、类型、层级、排序、联系人、联系电话、联系邮箱、成立日期（带 * 为必填）。"
                    + " / Columns as listed; the .xlsx has a second sheet explaining each.")
    @APIResponse(
            responseCode = "200",
            description = "The template",
            content = {
                @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response template(
            @QueryParam("format")
                    @DefaultValue("xlsx")
                    @Parameter(description = "xlsx or csv", schema = @Schema(enumeration = {"xlsx", "csv"}))
                    String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"xlsx".equalsIgnoreCase(format)) throw new ApiException(400, "IMPORT_FILE_TYPE");
        return Response.ok(
                        csv ? OrgSheet.csvTemplate() : OrgSheet.xlsxTemplate(), csv ? "text/csv; charset=UTF-8" : XLSX)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"org-import-template." + (csv ? "csv" : "xlsx")
                                + "\"; filename*=UTF-8''%E7%BB%84%E7%BB%87%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF."
                                + (csv ? "csv" : "xlsx"))
                .build();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importOrgs",
            summary = "批量导入组织 / import orgs from .xlsx or .csv",
            description =
                    "文件在请求中读取（格式错误立即返回 400/415），检查与写入在后台进行：轮询任务查看进度。"
                            + "全部行通过检查才写入，否则一行也不写入，并列出每行的错误。需要 org:import 权限；上级须在您的管理范围内。"
                            + " / The file is read at once; checking and inserting run in the background (poll the job). All or nothing.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted; poll the job",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "413", description = "文件或行数超限 / file or row count too large")
    @APIResponse(responseCode = "415", description = "不是 .xlsx 或 .csv / not an .xlsx or .csv file")
    public Response start(
            @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file,
            HttpHeaders headers,
            UriInfo uri)
            throws IOException {
        if (file == null || file.uploadedFile() == null) throw ApiException.badRequest("IMPORT_FILE_REQUIRED");
        ImportJobView job =
                service.start(file.fileName(), Files.readAllBytes(file.uploadedFile()), Messages.locale(headers));
        return Response.accepted(job)
                .location(uri.getAbsolutePathBuilder().path(job.id()).build())
                .build();
    }

    @GET
    @Path("/{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getOrgImport",
            summary = "导入任务进度 / import job progress",
            description = "只有发起人（或平台管理员）可查看。 / Visible to whoever started it.")
    public ImportJobView get(@PathParam("jobId") String jobId) {
        return service.get(jobId);
    }

    @GET
    @Path("/{jobId}/report")
    @Produces("text/csv")
    @Operation(
            operationId = "downloadOrgImportReport",
            summary = "下载错误报告 / download the error report (CSV)",
            description = "UTF-8（带 BOM，Excel 可直接打开）的 CSV：行号、列、值、错误。只有发起导入的人和平台管理员可以下载。"
                    + " Columns: row, column, value, message (Chinese).")
    @APIResponse(
            responseCode = "200",
            description = "行号,列,值,错误",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response report(@PathParam("jobId") String jobId) {
        return Response.ok(service.report(jobId), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"org-import-" + jobId + "-errors.csv\"")
                .build();
    }
}
