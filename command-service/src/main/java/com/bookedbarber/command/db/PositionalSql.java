package com.bookedbarber.command.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with {@code :name} parameters, as every DAO here writes them, turned once
 * into JDBC's positional form: each {@code :name} becomes a {@code ?} and the names are kept in
 * order, so a value used several times is bound at each of its places. A PostgreSQL cast
 * ({@code ::type}) is not a parameter. String literals are not parsed: a statement with
 * {@code :letters} inside a quoted literal is not for this class.
 */
public record PositionalSql(String sql, List<String> names) {
    private static final Pattern NAMED = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9_]*)");

    public PositionalSql {
        names = List.copyOf(names);
    }

    public static PositionalSql of(String named) {
        List<String> names = new ArrayList<>();
        Matcher m = NAMED.matcher(named);
        StringBuilder positional = new StringBuilder(named.length());
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        return new PositionalSql(positional.toString(), names);
    }

    /** Binds each place to the value of its name; a name without a value is a programming error. */
    public void bind(PreparedStatement statement, Map<String, ?> values) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Object value = values.get(name);
            if (value == null && !values.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            statement.setObject(i + 1, value);
        }
    }
}
