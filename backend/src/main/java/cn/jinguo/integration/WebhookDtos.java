package cn.jinguo.integration;

import cn.jinguo.integration.FeedDtos.FeedType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The webhooks' JSON: subscriptions, deliveries and their attempts. */
public final class WebhookDtos {
    private WebhookDtos() {}

    @Schema(name = "WebhookCreate", description = "新建推送 / subscribe")
    public record WebhookCreate(
            @NotBlank @Size(max = 2000) @Schema(example = "https://platform.example.cn/jinguo/events") String url,
            @NotEmpty @Size(max = 10) List<@NotNull FeedType> types,
            @Schema(
                            description = "只推送该组织及其下级的事件；集成客户端缺省且只能为其自身组织范围内 / events of this org's"
                                    + " subtree; for an integration client, within its own subtree (default: its org)",
                            example = "1")
                    String orgId) {}

    @Schema(name = "WebhookUpdate", description = "修改、启用或停用推送 / update, enable or disable a subscription")
    public record WebhookUpdate(
            @NotBlank @Size(max = 2000) String url,
            @NotEmpty @Size(max = 10) List<@NotNull FeedType> types,
            @NotNull Boolean enabled) {}

    @Schema(name = "Webhook", description = "推送订阅 / a webhook subscription")
    public record WebhookView(
            @Schema(required = true, example = "5") String id,
            @Schema(required = true) String url,
            @Schema(required = true) List<FeedType> types,
            @Schema(required = true, example = "1") String orgId,
            @Schema(required = true, example = "重庆市妇女联合会") String orgName,
            @Schema(description = "管理它的集成客户端 / the integration client that manages it", example = "city-platform")
                    String ownerClientId,
            @Schema(required = true) boolean enabled,
            @Schema(required = true, description = "待发送（含重试中）/ waiting, retries included", example = "0") long pending,
            @Schema(required = true, description = "已放弃 / dead letters", example = "0") long dead,
            Instant lastDeliveredAt,
            @Schema(required = true) String createdBy,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @Schema(required = true, example = "0") int version) {}

    @Schema(
            name = "WebhookCreated",
            description = "新建或更换密钥后的订阅，含签名密钥（只显示这一次）/ the subscription with its signing secret, shown" + " this once")
    public record WebhookCreated(
            @Schema(required = true) WebhookView webhook,
            @Schema(required = true, description = "HMAC-SHA256 签名密钥 / the signing key", example = "whsec_3c5…")
                    String secret) {}

    @Schema(name = "WebhookPage")
    public record WebhookPage(@Schema(required = true) List<WebhookView> items, @Schema(required = true) long total) {}

    @Schema(name = "WebhookAttempt", description = "一次发送 / one attempt")
    public record AttemptView(
            @Schema(required = true) Instant at,
            @Schema(description = "对方的 HTTP 状态码 / the receiver's status", example = "500") Integer statusCode,
            @Schema(description = "未得到响应的原因 / why there was no answer", example = "timeout") String error,
            @Schema(required = true, example = "35") int durationMs,
            @Schema(required = true, description = "手动重发 / sent by hand") boolean manual) {}

    @Schema(name = "WebhookDeliveryStatus", description = "PENDING 待发送, RETRYING 失败待重试, DELIVERED 已送达, DEAD 已放弃（死信）")
    public enum DeliveryStatus {
        PENDING,
        RETRYING,
        DELIVERED,
        DEAD
    }

    @Schema(name = "WebhookDelivery", description = "一个事件向一个订阅的投递 / one event to one subscription")
    public record DeliveryView(
            @Schema(required = true, example = "881") String id,
            @Schema(
                            required = true,
                            description = "事件在订阅中的位置（= 订阅记录的 id）/ the event (a feed record id)",
                            example = "104233")
                    String eventId,
            @Schema(required = true) FeedType eventType,
            @Schema(required = true) DeliveryStatus status,
            @Schema(required = true, example = "2") int attempts,
            Instant nextAttemptAt,
            Integer lastStatusCode,
            String lastError,
            Instant deliveredAt,
            @Schema(required = true, description = "最近的发送记录 / the latest attempts") List<AttemptView> log) {}

    @Schema(name = "WebhookDeliveryPage")
    public record DeliveryPage(
            @Schema(required = true) List<DeliveryView> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}
}
