package io.iotwatch.web.auth;

import io.iotwatch.store.UserRole;

/**
 * Who is calling: a user by session (then {@code session} is set and changes need its CSRF token) or by
 * API token (then it is null).
 */
public record Principal(String user, UserRole role, Session session) {}
