package io.iotwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for the API tests: keeps the session cookie and CSRF token of its login. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String cookie;
    private String csrf;
    private String bearer;

    Http(String base) {
        this.base = base;
    }

    HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/v1/login",
                JSON.createObjectNode().put("username", user).put("password", password).toString());
        if (response.statusCode() == 200) {
            String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
            csrf = json(response).get("csrf").asText();
        }
        return response;
    }

    Http bearer(String token) {
        this.bearer = token;
        return this;
    }

    /** Drops the CSRF token, as a forged request from another site would lack it. */
    Http withoutCsrf() {
        csrf = null;
        return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
        return send("PUT", path, body);
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null);
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        List<String> headers = new ArrayList<>();
        if (body != null) {
            headers.add("Content-Type");
            headers.add("application/json");
        }
        if (cookie != null) {
            headers.add("Cookie");
            headers.add(cookie);
        }
        if (csrf != null) {
            headers.add("X-CSRF-Token");
            headers.add(csrf);
        }
        if (bearer != null) {
            headers.add("Authorization");
            headers.add("Bearer " + bearer);
        }
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
