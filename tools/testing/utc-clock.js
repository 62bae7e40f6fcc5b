// Dates in tests are read and written as UTC, whatever the machine's zone.
process.env.TZ = 'UTC';
