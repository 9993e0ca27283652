package cn.jinguo.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem. Unexpected failures are logged with an id the user can
 * quote; nothing about the server's internals (class names, stack traces, SQL) reaches the client.
 */
public class ProblemMapper {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    Messages messages;

    @ServerExceptionMapper
    public Response api(ApiException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.locale(headers);
        List<Problem.FieldError> errors = e.errors() == null
                ? null
                : e.errors().stream()
                        .map(f -> new Problem.FieldError(
                                f.field(),
                                f.code(),
                                messages.has(f.message()) ? messages.get(locale, f.message()) : f.message()))
                        .toList();
        Response r = problem(e.status(), e.code(), messages.get(locale, e.code(), e.args()), errors, headers, uri);
        if (e.headers().isEmpty()) return r;
        Response.ResponseBuilder b = Response.fromResponse(r);
        e.headers().forEach(b::header);
        return b.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.locale(headers);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String code =
                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            String key = "validation." + code;
            var attrs = v.getConstraintDescriptor().getAttributes();
            String message = messages.has(key)
                    ? messages.get(
                            locale,
                            key,
                            attrs.getOrDefault("max", attrs.get("value")),
                            attrs.getOrDefault("min", attrs.get("value")))
                    : v.getMessage();
            errors.add(new Problem.FieldError(fieldName(v.getPropertyPath().toString()), code, message));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return problem(400, "VALIDATION_FAILED", messages.get(locale, "VALIDATION_FAILED"), errors, headers, uri);
    }

    // Listed one by one: quarkus-rest-jackson maps some of these subtypes itself, and the most specific mapper wins.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        com.fasterxml.jackson.core.JsonParseException.class,
        com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
        InvalidFormatException.class,
        com.fasterxml.jackson.databind.exc.ValueInstantiationException.class,
        com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class
    })
    public Response badJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.locale(headers);
        List<Problem.FieldError> errors = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            String code = e instanceof InvalidFormatException ? "InvalidValue" : "InvalidJson";
            errors = List.of(new Problem.FieldError(field, code, messages.get(locale, "validation." + code)));
        }
        return problem(400, "INVALID_JSON", messages.get(locale, "INVALID_JSON"), errors, headers, uri);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        Response r = problem(
                401, "UNAUTHENTICATED", messages.get(Messages.locale(headers), "UNAUTHENTICATED"), null, headers, uri);
        return Response.fromResponse(r)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return problem(403, "FORBIDDEN", messages.get(Messages.locale(headers), "FORBIDDEN"), null, headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) return badJson(json, headers, uri);
        int status = e.getResponse().getStatus();
        // JAX-RS answers 404 when a query or path parameter cannot be converted (page=abc, type=FOO); the
        // resource exists, the request is wrong.
        if (status == 404 && e.getCause() != null) {
            return problem(
                    400,
                    "PARAMETER_INVALID",
                    messages.get(Messages.locale(headers), "PARAMETER_INVALID"),
                    null,
                    headers,
                    uri);
        }
        String code =
                switch (status) {
                    case 400 -> "BAD_REQUEST";
                    case 404 -> "NOT_FOUND";
                    case 405 -> "METHOD_NOT_ALLOWED";
                    case 406 -> "NOT_ACCEPTABLE";
                    case 413 -> "PAYLOAD_TOO_LARGE";
                    case 415 -> "UNSUPPORTED_MEDIA_TYPE";
                    default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
                };
        if (status >= 500) LOG.error("Request failed: " + uri.getPath(), e);
        return problem(status, code, messages.get(Messages.locale(headers), code), null, headers, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        // Races the services' own checks cannot see: a concurrent update of the same row, or a concurrent
        // insert of the same unique key. Both are the client's to retry, not server faults.
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof jakarta.persistence.OptimisticLockException
                    || c instanceof org.hibernate.StaleStateException) {
                return problem(
                        412,
                        "PRECONDITION_FAILED",
                        messages.get(Messages.locale(headers), "PRECONDITION_FAILED"),
                        null,
                        headers,
                        uri);
            }
            if (c instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return problem(409, "CONFLICT", messages.get(Messages.locale(headers), "CONFLICT"), null, headers, uri);
            }
            // A date or number the database cannot hold (year 300000, say) that no check caught: the input's fault.
            if (c instanceof java.sql.SQLException sql
                    && ("22008".equals(sql.getSQLState()) || "22003".equals(sql.getSQLState()))) {
                return problem(
                        400,
                        "VALUE_OUT_OF_RANGE",
                        messages.get(Messages.locale(headers), "VALUE_OUT_OF_RANGE"),
                        null,
                        headers,
                        uri);
            }
        }
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, uri.getPath());
        return problem(
                500,
                "INTERNAL_ERROR",
                messages.get(Messages.locale(headers), "INTERNAL_ERROR", errorId),
                null,
                headers,
                uri);
    }

    private Response problem(
            int status, String code, String detail, List<Problem.FieldError> errors, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.locale(headers);
        String type = "urn:jinguo:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
        Problem p = new Problem(
                type,
                messages.get(locale, "status." + status),
                status,
                detail,
                uri == null ? null : uri.getPath(),
                code,
                errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(PROBLEM_JSON).entity(p).build();
    }

    /** "create.body.contactEmail" → "contactEmail"; "update.body.memberships[0].role" → "memberships[0].role". */
    static String fieldName(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        if (parts.length <= 2) return parts[parts.length - 1];
        return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
}
