package com.bookedbarber.command.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(UserDao.UserMapper.class)
public interface UserDao {
    /** A user row as identity needs it. */
    record User(UUID id, String email, String name, String phone, String passwordHash, boolean mfaEnabled) {
    }

    record Membership(UUID locationId, String role) {
    }

    String COLUMNS = "id, email, name, phone, password_hash, mfa_enabled";

    /** Fails with a unique violation (23505) when the e-mail is taken, in any letter case. */
    @SqlUpdate("INSERT INTO users (id, email, name, phone, password_hash) VALUES (:id, :email, :name, :phone, :hash)")
    void insert(@Bind("id") UUID id, @Bind("email") String email, @Bind("name") String name,
                @Bind("phone") String phone, @Bind("hash") String passwordHash);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email)")
    Optional<User> findByEmail(@Bind("email") String email);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
    Optional<User> find(@Bind("id") UUID id);

    @SqlQuery("SELECT location_id, role FROM location_members WHERE user_id = :id ORDER BY location_id")
    @RegisterRowMapper(MembershipMapper.class)
    List<Membership> memberships(@Bind("id") UUID userId);

    final class UserMapper implements RowMapper<User> {
        @Override
        public User map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                    rs.getString("phone"), rs.getString("password_hash"), rs.getBoolean("mfa_enabled"));
        }
    }

    final class MembershipMapper implements RowMapper<Membership> {
        @Override
        public Membership map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Membership(rs.getObject("location_id", UUID.class), rs.getString("role"));
        }
    }
}
