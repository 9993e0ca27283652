package cn.jinguo.stats;

import cn.jinguo.stats.StatsDtos.Dashboard;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/dashboard")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工作台 Dashboard", description = "单位现在要办的事和发出的通知的完成情况 / what an org must do now, and its open notices")
public class DashboardResource {
    @Inject
    DashboardService service;

    @GET
    @Operation(
            operationId = "getDashboard",
            summary = "工作台 / the dashboard",
            description = "待签收、待备案（要求备案、未备案或被退回、未免报）、待报送（未报送或被退回、未免报），各含总数、逾期数和截止时间最近的"
                    + " 5 件；待审核（回复本单位所发或作为收文部门接收的通知的待审核报送，以及向本单位备案、待确认的方案）；本单位发出的进行中通知的完成情况"
                    + "（应报 = 收文单位 − 免报，已签收、已报送、已采用），截止时间最近的 20 份。orgId 缺省为调用者的第一个所属单位；范围外为 404。"
                    + " / To sign, to file (plan required, not filed or returned, not exempt) and to submit (not submitted"
                    + " or returned, not exempt), each with its count, overdue count and the 5 nearest deadlines; to"
                    + " review (packages submitted answering the org's notices, plans filed with the org); the completion of the"
                    + " org's open notices (expected = recipients − exempt), the 20 nearest deadlines. orgId defaults to"
                    + " the caller's first membership; 404 outside the caller's subtree.")
    @APIResponse(
            responseCode = "404",
            description = "orgId 不存在或不在调用者范围内 / orgId not found or outside the caller's scope")
    @APIResponse(
            responseCode = "200",
            description = "The dashboard",
            content = @Content(schema = @Schema(implementation = Dashboard.class)))
    public Dashboard dashboard(
            @QueryParam("orgId") @Parameter(description = "单位 / the org", example = "120") String orgId) {
        return service.dashboard(orgId);
    }
}
