-- The console's booking search (booking.boundary.BookingSearch) and a booking's timeline. Each search kind finds
-- its bookings through an index, newest first and capped, so a search costs about the same however many bookings
-- there are. A name search ("contains") is the exception: it reads the users table, since without pg_trgm no
-- index answers "contains"; users are far fewer than bookings, and the search is capped all the same.
-- Plain CREATE INDEX, in Flyway's transaction, as in V8: writes to each table wait while its index builds.

-- An email prefix, case-insensitive: users_email_key (lower(email)) answers "equals" only, under the database's
-- collation; the pattern operators answer LIKE 'prefix%' too.
CREATE INDEX users_email_prefix_idx ON users (lower(email) text_pattern_ops);

-- A seat label ("Floor A-1", "a-1") across events: its row (as typed, in any case) and number, then its section.
CREATE INDEX seats_row_number_idx ON seats (upper(row_label), number);

-- The newest bookings, when the box is empty and at most a status is chosen.
CREATE INDEX bookings_created_idx ON bookings (created_at);

-- A booking's mails (they name their recipient, and the booking in their text), and the console's own resends.
CREATE INDEX outgoing_mails_recipient_idx ON outgoing_mails (recipient, created_at);

-- What staff did to one booking ("booking 42"): the audit log is never purged, so this must not read it all.
CREATE INDEX audit_log_subject_at_idx ON audit_log (subject, at);
