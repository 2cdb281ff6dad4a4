/**
 * Server tests run on SQLite always and on PostgreSQL when TEST_DATABASE_URL is set. In CI the
 * PostgreSQL run is required: a missing URL fails the run instead of skipping half the suite.
 */
module.exports = async function requirePostgres() {
  if (process.env.TEST_DATABASE_URL) return;
  if (process.env.CI) {
    throw new Error('TEST_DATABASE_URL is not set: CI must run the server tests on PostgreSQL too');
  }
  console.warn('\n[server tests] TEST_DATABASE_URL is not set: running on SQLite only, not on PostgreSQL.\n');
};
