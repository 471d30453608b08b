package com.bookedbarber.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates events against the JSON Schemas of schema/events/, as packaged on the classpath. */
public final class EventSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventSchemas() {
    }

    /** The schema violations of an event (empty when valid), by its own event_type. */
    public static List<String> violations(JsonNode event) {
        String type = event.path("event_type").asText();
        try (InputStream in = EventSchemas.class.getResourceAsStream("/events/" + type + ".schema.json")) {
            if (in == null) {
                return List.of("no schema for event_type " + type);
            }
            JsonSchema schema = FACTORY.getSchema(in);
            return schema.validate(event).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
