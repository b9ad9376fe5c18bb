package io.github.sqlitepragmaagent.examples.panel;

import java.util.Map;

/** A solar panel the service manages, with its free-form settings. */
record Panel(long id, String name, String location, Map<String, String> settings) {

    String toJson() {
        return Json.object(Map.of("id", id, "name", name, "location", location == null ? "" : location,
                "settings", settings));
    }
}
