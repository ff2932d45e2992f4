-- Run by psql on the first start of an empty PostgreSQL volume (docker-entrypoint-initdb.d), with
-- the passwords in the container's environment (psql 15's \getenv). One role per service, owning
-- only its own database, which no other role may connect to. Keycloak keeps its data here too.
\set ON_ERROR_STOP on

\getenv audit_programme_password AUDIT_PROGRAMME_DB_PASSWORD
\getenv case_return_password CASE_RETURN_DB_PASSWORD
\getenv action_plan_password ACTION_PLAN_DB_PASSWORD
\getenv notification_password NOTIFICATION_DB_PASSWORD
\getenv keycloak_password KEYCLOAK_DB_PASSWORD

CREATE ROLE maap_audit_programme LOGIN PASSWORD :'audit_programme_password';
CREATE DATABASE maap_audit_programme OWNER maap_audit_programme;
REVOKE ALL ON DATABASE maap_audit_programme FROM PUBLIC;

CREATE ROLE maap_case_return LOGIN PASSWORD :'case_return_password';
CREATE DATABASE maap_case_return OWNER maap_case_return;
REVOKE ALL ON DATABASE maap_case_return FROM PUBLIC;

CREATE ROLE maap_action_plan LOGIN PASSWORD :'action_plan_password';
CREATE DATABASE maap_action_plan OWNER maap_action_plan;
REVOKE ALL ON DATABASE maap_action_plan FROM PUBLIC;

CREATE ROLE maap_notification LOGIN PASSWORD :'notification_password';
CREATE DATABASE maap_notification OWNER maap_notification;
REVOKE ALL ON DATABASE maap_notification FROM PUBLIC;

CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
