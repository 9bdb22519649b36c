/** Filled in by the database test harness; kept so every test run has one entry point. */
export default async function globalSetup() {}
