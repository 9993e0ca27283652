package cn.jinguo.notice;

import cn.jinguo.common.Versioned;
import cn.jinguo.notice.NoticeDtos.IssuerCodeInput;
import cn.jinguo.notice.NoticeDtos.IssuerCodeView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/issuer-codes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "机关代字 Issuer codes", description = "发文字号的机关代字 / the prefixes of document numbers")
public class IssuerCodeResource {
    @Inject
    IssuerCodeService service;

    @GET
    @Operation(
            operationId = "listIssuerCodes",
            summary = "单位的机关代字 / an org's issuer codes",
            description = "如 渝妇发、渝妇函；部室可有自己的代字。 / E.g. 渝妇发, 渝妇函; a department may have its own.")
    public List<IssuerCodeView> list(
            @QueryParam("orgId") @Parameter(required = true, description = "单位 / the org", example = "1")
                    String orgId) {
        return service.list(orgId);
    }

    @POST
    @Operation(
            operationId = "createIssuerCode",
            summary = "新增机关代字 / add an issuer code",
            description = "需要该单位的管理员角色（org:write）。代字全平台唯一（409）。"
                    + " / Needs org:write at the org; codes are unique across the platform (409).")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = IssuerCodeView.class)))
    @APIResponse(responseCode = "409", description = "代字已存在 / code taken")
    public Response create(IssuerCodeInput body, UriInfo uri) {
        IssuerCodeView created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .tag(Versioned.etag(created.version()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateIssuerCode",
            summary = "修改或停用机关代字 / update or retire an issuer code",
            description = "已用于编号的代字不能改名，只能停用（422）。必须带 If-Match。"
                    + " / A code that numbered documents can be retired, not renamed (422). If-Match required.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = IssuerCodeView.class)))
    @APIResponse(responseCode = "409", description = "代字已存在 / code taken")
    @APIResponse(responseCode = "422", description = "代字已用于编号 / code in use")
    public Response update(
            @PathParam("id") String id,
            @HeaderParam("If-Match") @Parameter(description = "ETag from the last read", required = true)
                    String ifMatch,
            IssuerCodeInput body) {
        IssuerCodeView v = service.update(id, ifMatch, body);
        return Response.ok(v).tag(Versioned.etag(v.version())).build();
    }
}
