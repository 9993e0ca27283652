package cn.jinguo.stats;

import cn.jinguo.common.Downloads;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/notices/{id}/featured-pack")
@Authenticated
@Tag(name = "统计 Statistics")
public class FeaturedPackResource {
    @Inject
    StatsService service;

    @GET
    @Produces({StatsExport.ZIP, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "exportFeaturedPack",
            summary = "导出精选素材包 / download the featured pack",
            description = "回复该通知的报送中被精选的活动：精选活动.xlsx（含每项活动的素材文件夹）、每项活动一个文件夹（照片、视频、文章文件，"
                    + "如“01-活动名称（举办单位）/照片01-原文件名.jpg”）、links.txt（新媒体链接和网上文章的网址）。边读边压缩，不在内存中生成。"
                    + "只有发文方（发文单位或收文部门及其上级）可导出：收文单位为 403，看不到通知的为 404。"
                    + " / The featured entries of the packages answering the notice: a workbook, one folder of files per"
                    + " entry and links.txt for URLs; zipped while it streams. Only the issuing side may download it: 403"
                    + " for a recipient, 404 for anyone who cannot read the notice.")
    @APIResponse(
            responseCode = "200",
            description = "The zip",
            content =
                    @Content(
                            mediaType = StatsExport.ZIP,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response pack(@PathParam("id") @Parameter(description = "通知 / the notice", example = "42") String id) {
        StatsService.PackDownload d = service.featuredPack(id);
        StreamingOutput body = out -> service.writePack(d.pack(), out);
        return Downloads.attachment(body, StatsExport.ZIP, d.fileName());
    }
}
