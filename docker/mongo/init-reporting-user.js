// Run by the mongo image on the first start of an empty volume (docker-entrypoint-initdb.d), as the
// root user the image creates from MONGO_INITDB_ROOT_USERNAME / _PASSWORD. reporting-service gets a
// user of its own that can read and write its database only (readWrite covers the collections and
// indexes each read-model generation creates and drops).
const password = process.env.MONGO_PASSWORD_REPORTING;
if (!password) {
  throw new Error("MONGO_PASSWORD_REPORTING is not set: reporting-service would have no MongoDB user");
}
db.getSiblingDB("maap-reporting").createUser({
  user: "reporting-service",
  pwd: password,
  roles: [{ role: "readWrite", db: "maap-reporting" }],
});
