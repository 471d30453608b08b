-- Every instance of the command-service caches who may read a location's analytics (role) and the
-- location's time zone and currency, and drops its copy when this channel names the location. A
-- trigger, so no writer (API, admin SQL, a migration) can change access without telling the caches.
-- These rows change rarely: the database-wide lock a notifying commit takes (see V9) costs nothing.
CREATE FUNCTION notify_location_access() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('location_access',
                      CASE WHEN TG_OP = 'DELETE' THEN OLD.location_id ELSE NEW.location_id END::text);
    RETURN NULL;
END $$;

CREATE FUNCTION notify_location_settings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('location_access', CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END::text);
    RETURN NULL;
END $$;

CREATE TRIGGER location_members_access AFTER INSERT OR UPDATE OR DELETE ON location_members
    FOR EACH ROW EXECUTE FUNCTION notify_location_access();

CREATE TRIGGER locations_access AFTER UPDATE OR DELETE ON locations
    FOR EACH ROW EXECUTE FUNCTION notify_location_settings();
