package cn.jinguo.notification;

import cn.jinguo.common.Paging;
import cn.jinguo.notification.Notifications.NotificationPage;
import cn.jinguo.notification.Notifications.NotificationView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "站内通知 Notifications", description = "铃铛：新通知、撤回、修订 / the bell: new, withdrawn, amended notices")
public class NotificationResource {
    @Inject
    Notifications notifications;

    @Schema(name = "UnreadCount", description = "未读数 / unread count")
    public record UnreadCount(@Schema(required = true, example = "3") long unread) {}

    @Schema(name = "MarkedRead", description = "标为已读的条数 / how many were marked read")
    public record MarkedRead(@Schema(required = true) int marked) {}

    @GET
    @Operation(
            operationId = "listNotifications",
            summary = "我的站内通知 / my notifications",
            description = "调用者本人的通知，最新在前，附未读总数。 / The caller's own, newest first, with the unread total.")
    public NotificationPage list(
            @QueryParam("unreadOnly") @DefaultValue("false") boolean unreadOnly,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1–200") int size) {
        return notifications.list(unreadOnly, new Paging(page, size));
    }

    @GET
    @Path("/unread-count")
    @Operation(
            operationId = "countUnreadNotifications",
            summary = "未读数 / unread count",
            description = "铃铛上的数字，供轮询。 / The number on the bell, cheap to poll.")
    public UnreadCount unread() {
        return new UnreadCount(notifications.unreadCount());
    }

    @POST
    @Path("/{id}/read")
    @Operation(
            operationId = "markNotificationRead",
            summary = "标为已读 / mark one read",
            description = "只能标记自己的通知；他人的为 404。 / Only one's own; anyone else's is 404.")
    public NotificationView read(@PathParam("id") String id) {
        return notifications.markRead(id);
    }

    @POST
    @Path("/read-all")
    @Operation(
            operationId = "markAllNotificationsRead",
            summary = "全部标为已读 / mark all read",
            description = "返回标记的条数。 / Returns how many were marked.")
    public MarkedRead readAll() {
        return new MarkedRead(notifications.markAllRead());
    }
}
