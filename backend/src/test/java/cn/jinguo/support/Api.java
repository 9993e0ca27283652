package cn.jinguo.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Signed tokens for test users and small database look-ups for assertions. */
public final class Api {
    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "jinguo-api";

    private Api() {}

    public static String token(String username, String... realmRoles) {
        return Jwt.preferredUserName(username)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(username)
                .claim("name", username)
                .claim("realm_access", Map.of("roles", List.of(realmRoles)))
                .sign();
    }

    /** A request as {@code username}, JSON in and out. */
    public static RequestSpecification as(String username, String... realmRoles) {
        return given().auth()
                .oauth2(token(username, realmRoles))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static String orgId(DataSource ds, String code) {
        return queryString(ds, "select id from org where code = ?", code);
    }

    public static String queryString(DataSource ds, String sql, Object... args) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(DataSource ds, String sql, Object... args) {
        String v = queryString(ds, sql, args);
        return v == null ? 0 : Long.parseLong(v);
    }

    public static void exec(DataSource ds, String sql, Object... args) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.execute();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
