-- The demo shop of ops/run with embedded defaults. Fixed ids, so re-running changes nothing.
INSERT INTO locations (id, name, slug, timezone, currency, min_lead_minutes, max_advance_days, slot_minutes)
VALUES ('00000000-0000-4000-8000-000000000001', 'Demo Cuts', 'demo-cuts', 'America/New_York', 'USD', 15, 30, 30)
ON CONFLICT DO NOTHING;

INSERT INTO users (id, email, name) VALUES
    ('00000000-0000-4000-8000-000000000101', 'owner@demo.bookedbarber.test', 'Olivia Owner'),
    ('00000000-0000-4000-8000-000000000102', 'sam@demo.bookedbarber.test', 'Sam Fade'),
    ('00000000-0000-4000-8000-000000000103', 'alex@demo.bookedbarber.test', 'Alex Razor')
ON CONFLICT DO NOTHING;

INSERT INTO location_members (location_id, user_id, role, commission_rate) VALUES
    ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000101', 'owner', 0),
    ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000102', 'barber', 0.20),
    ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000103', 'barber', 0.25)
ON CONFLICT DO NOTHING;

-- Sam: Monday to Saturday, 09:00-12:00 and 13:00-18:00. Alex: Tuesday to Sunday, 10:00-19:00.
INSERT INTO barber_hours (location_id, barber_id, day_of_week, start_local, end_local)
SELECT '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000102', d, w.s, w.e
FROM generate_series(1, 6) AS d, (VALUES (time '09:00', time '12:00'), (time '13:00', time '18:00')) AS w(s, e)
ON CONFLICT DO NOTHING;
INSERT INTO barber_hours (location_id, barber_id, day_of_week, start_local, end_local)
SELECT '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000103', d, time '10:00', time '19:00'
FROM generate_series(2, 7) AS d
ON CONFLICT DO NOTHING;

INSERT INTO services (id, location_id, name, duration_minutes, price_cents, buffer_minutes) VALUES
    ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000001', 'Classic cut', 30, 3000, 10),
    ('00000000-0000-4000-8000-000000000202', '00000000-0000-4000-8000-000000000001', 'Beard trim', 15, 1500, 5),
    ('00000000-0000-4000-8000-000000000203', '00000000-0000-4000-8000-000000000001', 'Cut and beard', 45, 4000, 10)
ON CONFLICT DO NOTHING;
