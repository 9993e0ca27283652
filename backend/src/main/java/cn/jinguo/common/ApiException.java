package cn.jinguo.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on. The message key ({@code code}) is resolved per request locale by
 * {@link ProblemMapper}; {@code args} fill the placeholders of the localized message.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient Object[] args;
    private final transient List<Problem.FieldError> errors;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(int status, String code, Object... args) {
        this(status, code, null, args);
    }

    public ApiException(int status, String code, List<Problem.FieldError> errors, Object... args) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.args = args;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Response headers the problem carries (e.g. Retry-After). */
    public Map<String, String> headers() {
        return headers;
    }

    /** Adds a response header to the problem, e.g. {@code Retry-After} on 409 and 429. */
    public ApiException header(String name, Object value) {
        headers.put(name, String.valueOf(value));
        return this;
    }

    public static ApiException notFound(String code, Object... args) {
        return new ApiException(404, code, args);
    }

    public static ApiException forbidden(String code, Object... args) {
        return new ApiException(403, code, args);
    }

    public static ApiException conflict(String code, Object... args) {
        return new ApiException(409, code, args);
    }

    public static ApiException rule(String code, Object... args) {
        return new ApiException(422, code, args);
    }

    public static ApiException badRequest(String code, Object... args) {
        return new ApiException(400, code, args);
    }

    /** 400 with one field error, for a rule the annotations cannot say (e.g. required on create only). */
    public static ApiException field(String field, String constraint) {
        return new ApiException(
                400,
                "VALIDATION_FAILED",
                List.of(new Problem.FieldError(field, constraint, "validation." + constraint)));
    }
}
