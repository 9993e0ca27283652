package cn.jinguo.integration;

import cn.jinguo.common.Paging;
import cn.jinguo.common.Versioned;
import cn.jinguo.integration.WebhookDtos.DeliveryPage;
import cn.jinguo.integration.WebhookDtos.DeliveryStatus;
import cn.jinguo.integration.WebhookDtos.DeliveryView;
import cn.jinguo.integration.WebhookDtos.WebhookCreate;
import cn.jinguo.integration.WebhookDtos.WebhookCreated;
import cn.jinguo.integration.WebhookDtos.WebhookPage;
import cn.jinguo.integration.WebhookDtos.WebhookUpdate;
import cn.jinguo.integration.WebhookDtos.WebhookView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "推送 Webhooks",
        description = "把变更订阅中的事件推送到对方地址：签名、按序、失败重试（指数退避）、死信、投递记录与手动重发"
                + " / the feed's events posted to a receiver: signed, in order, retried with exponential backoff, dead"
                + " letters, a delivery log and redelivery by hand")
public class WebhookResource {
    private static final String WHO = "具有 WEBHOOKS_MANAGE 的集成客户端管理自己的推送，平台管理员管理全部，其他为 403。"
            + " / An integration client with WEBHOOKS_MANAGE manages its own; platform administrators all; others 403.";

    @Inject
    WebhookService service;

    @GET
    @Operation(operationId = "listWebhooks", summary = "推送列表 / list webhooks", description = WHO)
    public WebhookPage list() {
        return service.list();
    }

    @POST
    @Operation(
            operationId = "createWebhook",
            summary = "新建推送 / subscribe a webhook",
            description = "从现在起（不含历史，历史请读变更订阅）把所选类型的事件 POST 到 url，请求体与 GET /feed 的记录相同。请求头："
                    + "Jinguo-Event-Id（记录 id，用于去重）、Jinguo-Event-Type、Jinguo-Delivery、Jinguo-Signature: t=<Unix 秒>,"
                    + "v1=<hex(HMAC-SHA256(secret, t + \".\" + 请求体))>。2xx 视为送达；否则按指数退避重试，同一推送中后面的事件排在其后"
                    + "（按序），多次失败后为死信。地址须为 https，且不能指向内网地址。密钥只在此返回一次。"
                    + WHO
                    + " From now on (no history: the feed has it), events of the chosen types are POSTed to url with the"
                    + " body of a feed record and the headers Jinguo-Event-Id (the record id, for de-duplication),"
                    + " Jinguo-Event-Type, Jinguo-Delivery and Jinguo-Signature: t=<unix seconds>,v1=<hex(HMAC-SHA256("
                    + "secret, t + \".\" + body))>. 2xx is delivered; anything else is retried with exponential backoff,"
                    + " the events behind it waiting (in order), until it becomes a dead letter. https only, never an"
                    + " internal address. The secret is returned this once.")
    @APIResponse(
            responseCode = "201",
            description = "Subscribed",
            content = @Content(schema = @Schema(implementation = WebhookCreated.class)))
    @APIResponse(
            responseCode = "422",
            description = "地址不可用（非 https、内网地址、无法解析）或组织不在范围内 / URL refused, or the org out of reach")
    public Response create(WebhookCreate body, UriInfo uri) {
        WebhookCreated created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.webhook().id())
                        .build())
                .entity(created)
                .tag(Versioned.etag(created.webhook().version()))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "推送详情 / get a webhook", description = WHO)
    @APIResponse(
            responseCode = "200",
            description = "The webhook",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Response get(@PathParam("id") @Parameter(example = "5") String id) {
        WebhookView v = service.get(id);
        return Response.ok(v).tag(Versioned.etag(v.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateWebhook",
            summary = "修改、启用或停用推送 / update, enable or disable a webhook",
            description = "必须带 If-Match。停用期间的事件在重新启用后补发。" + WHO
                    + " If-Match required. Events that come while it is disabled are sent once it is enabled again.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "422", description = "地址不可用 / URL refused")
    public Response update(
            @PathParam("id") @Parameter(example = "5") String id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the webhook", example = "\"0\"") String ifMatch,
            WebhookUpdate body) {
        WebhookView v = service.update(id, ifMatch, body);
        return Response.ok(v).tag(Versioned.etag(v.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "删除推送 / delete a webhook",
            description = "必须带 If-Match；未送达的投递一并删除。" + WHO + " If-Match required; undelivered events go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(
            @PathParam("id") @Parameter(example = "5") String id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the webhook", example = "\"0\"")
                    String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "更换签名密钥 / rotate the signing secret",
            description = "立即生效，新密钥只在此返回一次。" + WHO + " Takes effect at once; the new secret is returned this once.")
    @APIResponse(
            responseCode = "200",
            description = "The new secret",
            content = @Content(schema = @Schema(implementation = WebhookCreated.class)))
    public Response rotate(
            @PathParam("id") @Parameter(example = "5") String id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the webhook", example = "\"0\"")
                    String ifMatch) {
        WebhookCreated v = service.rotateSecret(id, ifMatch);
        return Response.ok(v).tag(Versioned.etag(v.webhook().version())).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "投递记录 / delivery log",
            description = "每个事件的投递状态、尝试次数与最近的发送记录（状态码、错误、耗时），最新事件在前。" + WHO
                    + " Each event's delivery: state, attempts and the latest tries (status code, error, duration),"
                    + " newest event first.")
    public DeliveryPage deliveries(
            @PathParam("id") @Parameter(example = "5") String id,
            @QueryParam("status") @Parameter(description = "只看该状态 / only this state") DeliveryStatus status,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return service.deliveries(id, status, new Paging(page, size));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(
            operationId = "redeliverWebhook",
            summary = "手动重发 / redeliver",
            description = "立即再发送一次（任何状态，包括死信），对方收到相同的 Jinguo-Event-Id，应据此去重；成功则标记为已送达。" + WHO
                    + " Sends it again now, whatever its state (dead letters too); the receiver gets the same"
                    + " Jinguo-Event-Id and should de-duplicate by it. Success marks it delivered.")
    @APIResponse(
            responseCode = "200",
            description = "The delivery after the attempt",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public DeliveryView redeliver(
            @PathParam("id") @Parameter(example = "5") String id,
            @PathParam("deliveryId") @Parameter(example = "881") String deliveryId) {
        return service.redeliver(id, deliveryId);
    }
}
