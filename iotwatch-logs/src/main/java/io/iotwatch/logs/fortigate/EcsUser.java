package io.iotwatch.logs.fortigate;

import io.iotwatch.core.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/** A user as ECS names it ({@code user.*}, {@code source.user.*}); unset is null or empty. */
final class EcsUser {
    String name;
    String group;
    final List<String> roles = new ArrayList<>(2);

    void addRole(String role) {
        if (role != null && !role.isEmpty() && !roles.contains(role)) {
            roles.add(role);
        }
    }

    /** Writes a {@code user} object; nothing when all is unset. */
    void write(JsonWriter w) {
        w.beginOptionalObject("user").fieldIfNotEmpty("name", name)
                .beginOptionalObject("group").fieldIfNotEmpty("name", group).endObject()
                .stringsIfNotEmpty("roles", roles)
                .endObject();
    }
}
