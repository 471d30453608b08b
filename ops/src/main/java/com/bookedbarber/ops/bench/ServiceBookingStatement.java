package com.bookedbarber.ops.bench;

import com.bookedbarber.command.db.BookingDao;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The command service's own booking statement ({@link BookingDao}'s SQL, read from its
 * annotation, so the two cannot drift apart) as a plain JDBC statement: each {@code :name}
 * becomes a {@code ?}, remembered in order, so the baseline binds the same values by name.
 */
final class ServiceBookingStatement {
    private static final Pattern NAMED = Pattern.compile(":([A-Za-z]+)");

    final String sql;
    final List<String> parameters;

    private ServiceBookingStatement(String sql, List<String> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    static ServiceBookingStatement load() {
        Method book = Arrays.stream(BookingDao.class.getMethods())
                .filter(m -> m.isAnnotationPresent(SqlQuery.class)).findFirst()
                .orElseThrow(() -> new IllegalStateException("BookingDao has no @SqlQuery method"));
        String named = book.getAnnotation(SqlQuery.class).value();
        List<String> parameters = new ArrayList<>();
        Matcher m = NAMED.matcher(named);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            parameters.add(m.group(1));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        return new ServiceBookingStatement(positional.toString(), List.copyOf(parameters));
    }

    /** The positional values for the named ones; every name the statement uses must be given. */
    Object[] values(Map<String, Object> byName) {
        return parameters.stream().map(name -> {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            return byName.get(name);
        }).toArray();
    }
}
