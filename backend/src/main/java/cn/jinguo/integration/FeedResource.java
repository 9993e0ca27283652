package cn.jinguo.integration;

import cn.jinguo.integration.FeedDtos.FeedHead;
import cn.jinguo.integration.FeedDtos.FeedPage;
import cn.jinguo.integration.FeedDtos.FeedType;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/feed")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "变更订阅 Feed",
        description = "被采用的活动信息和通知、签收的变更，按游标逐页读取，不丢不重 / accepted activities and notice and receipt"
                + " changes, paged with an opaque cursor: nothing lost, nothing repeated")
public class FeedResource {
    @Inject
    FeedService service;

    @GET
    @Operation(
            operationId = "readFeed",
            summary = "读取变更 / read the feed",
            description = "返回游标之后调用者范围内（集成客户端：其组织及下级；通知类记录也给收到该通知的单位）的记录，按写入顺序，"
                    + "每条记录为变更提交时的内容（schemaVersion 1）。不带 cursor 从头读；把 nextCursor 原样传回读下一页；"
                    + "hasMore 为 false 时已读到末尾，稍后用同一游标再读即得新记录（提交后约 1 秒可见）。同一游标总是得到同样的记录，"
                    + "写入并发时也不会跳过或重复。素材的 downloadUrl 无需令牌，1 小时内有效。集成客户端需要 FEED_READ。"
                    + " / Records after the cursor that the caller's subtree covers (notice records also reach the orgs"
                    + " that received the notice), in the order written, each as it was when its change committed"
                    + " (schemaVersion 1). No cursor: from the beginning; pass nextCursor back for the next page; hasMore"
                    + " false means the end for now: read again later with the same cursor (records show about a"
                    + " second after their commit). A cursor always yields the same records: none skipped or repeated"
                    + " under concurrent writes. Media downloadUrls need no token and last an hour. Integration clients"
                    + " need FEED_READ.")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = FeedPage.class)))
    @APIResponse(responseCode = "400", description = "游标无效或 limit 超出 1–1000 / bad cursor, or limit outside 1–1000")
    public FeedPage read(
            @QueryParam("cursor")
                    @Parameter(
                            description = "上一页的 nextCursor / the previous page's nextCursor",
                            example = "djE6MTA0MjMz")
                    String cursor,
            @QueryParam("types")
                    @Parameter(description = "只要这些类型（可重复，如 ?types=ACTIVITY_ACCEPTED）/ only these types (repeatable)")
                    List<FeedType> types,
            @QueryParam("limit") @DefaultValue("100") @Parameter(description = "每页条数 1–1000 / records per page")
                    int limit,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        return service.page(cursor, types, limit, uri.getBaseUri());
    }

    @GET
    @Path("/head")
    @Operation(
            operationId = "getFeedHead",
            summary = "订阅末尾 / the feed's end",
            description = "从现在开始跟随（不读历史）时的游标。 / The cursor to follow from now on, without the history.")
    public FeedHead head() {
        return service.head();
    }
}
