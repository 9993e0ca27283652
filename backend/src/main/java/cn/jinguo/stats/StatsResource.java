package cn.jinguo.stats;

import cn.jinguo.common.Downloads;
import cn.jinguo.common.Paging;
import cn.jinguo.stats.StatsDtos.ActivityPage;
import cn.jinguo.stats.StatsDtos.StatsStatus;
import cn.jinguo.stats.StatsDtos.StatsView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/stats")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "统计 Statistics",
        description = "活动场次、参与人次、报送份数，按区县、组织类型、月份、主题分组；活动列表及 Excel 导出。单位的统计含其下级，以及回复其所发"
                + "（或作为收文部门接收）通知的报送；每项活动只计一次，汇总上报不重复计数。"
                + " / Activities, participants and reports by district, org type, month and theme; the activity list and"
                + " its Excel export. An org's figures cover its subtree and the answers to the notices it issued or"
                + " receives; every activity counts once, however far it was rolled up.")
public class StatsResource {
    @Inject
    StatsService service;

    /** The filters every statistics operation takes. */
    public static class Filters {
        @QueryParam("orgId")
        @Parameter(
                description = "统计该单位的分支，缺省为调用者的最上级单位；范围外为 404 / the branch counted (default: the"
                        + " caller's top org); 404 outside the caller's subtree",
                example = "118")
        String orgId;

        @QueryParam("from")
        @Parameter(description = "活动日期起（含），yyyy-MM-dd / activities held on or after", example = "2026-01-01")
        String from;

        @QueryParam("to")
        @Parameter(description = "活动日期止（含），不早于 from / held on or before; not before from", example = "2026-12-31")
        String to;

        @QueryParam("noticeId")
        @Parameter(description = "只统计回复该通知及其各级转发的报送 / answers to this notice and its re-issues", example = "42")
        String noticeId;

        @QueryParam("status")
        @Parameter(description = "SUBMITTED（缺省）已报送；ACCEPTED 仅已采用 / SUBMITTED (default) or ACCEPTED only")
        StatsStatus status;

        StatsService.Filter filter() {
            return new StatsService.Filter(orgId, from, to, noticeId, status);
        }
    }

    @GET
    @Operation(
            operationId = "getStats",
            summary = "活动统计 / activity statistics",
            description = "合计（活动场次、参与人次、报送份数、举办单位数、精选数）及按区县、组织类型、月份、主题的分组，一次查询。"
                    + "from 晚于 to、日期格式错误为 400。 / Totals and the four groupings, from one query; from after to, or a"
                    + " malformed date, is 400.")
    @APIResponse(
            responseCode = "404",
            description = "orgId 或 noticeId 不存在或不在调用者范围内 / orgId or noticeId not found or outside the caller's scope")
    @APIResponse(
            responseCode = "200",
            description = "The figures",
            content = @Content(schema = @Schema(implementation = StatsView.class)))
    public StatsView stats(@BeanParam Filters filters) {
        return service.stats(filters.filter());
    }

    @GET
    @Path("/activities")
    @Operation(
            operationId = "listStatsActivities",
            summary = "活动列表 / activity list",
            description = "与统计相同的筛选，另可按活动名称（q）和精选筛选；活动日期新者在前。汇总上报的活动只出现一次：上报到所选范围的那一份"
                    + "（报送单位为把它报上来的单位）。 / Same filters as the statistics, plus a title search and featured;"
                    + " latest first. A rolled-up activity appears once, as it reached the chosen branch.")
    @APIResponse(
            responseCode = "404",
            description = "orgId 或 noticeId 不存在或不在调用者范围内 / orgId or noticeId not found or outside the caller's scope")
    @APIResponse(
            responseCode = "200",
            description = "A page of activities",
            content = @Content(schema = @Schema(implementation = ActivityPage.class)))
    public ActivityPage activities(
            @BeanParam Filters filters,
            @QueryParam("q") @Parameter(description = "活动名称包含 / title contains", example = "宣讲") String q,
            @QueryParam("featured") @Parameter(description = "true 仅精选；false 仅非精选 / featured or not") Boolean featured,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1–200") int size) {
        return service.activities(filters.filter(), q, featured, new Paging(page, size));
    }

    @GET
    @Path("/activities/export")
    @Produces({StatsExport.XLSX, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "exportStatsActivities",
            summary = "导出活动列表（Excel）/ export the activity list as .xlsx",
            description = "与活动列表相同的筛选，不分页。列：活动名称、日期、地点、参与人数、举办单位、所属区县、报送单位、通知文号、状态、精选；"
                    + "第二张表“说明”记录筛选条件。 / Same filters as the list, every row; a second sheet records the filters.")
    @APIResponse(
            responseCode = "200",
            description = "The workbook",
            content =
                    @Content(
                            mediaType = StatsExport.XLSX,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "404",
            description = "orgId 或 noticeId 不存在或不在调用者范围内 / orgId or noticeId not found or outside the caller's scope")
    public Response exportActivities(
            @BeanParam Filters filters,
            @QueryParam("q") @Parameter(description = "活动名称包含 / title contains", example = "宣讲") String q,
            @QueryParam("featured") @Parameter(description = "true 仅精选；false 仅非精选 / featured or not")
                    Boolean featured) {
        StatsExport.Export export = service.exportActivities(filters.filter(), q, featured);
        return Downloads.file(export.file(), export.fileName(), StatsExport.XLSX);
    }
}
