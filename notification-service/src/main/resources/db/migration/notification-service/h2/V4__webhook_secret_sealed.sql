-- The webhook secret is stored sealed with the master key (maap-webhook-secret:v1:<base64>, longer than the
-- secret itself). Rows written before are sealed by the Java migration V5 (SealAgencyWebhookSecrets), which
-- needs the master key and so runs in the service, not in SQL.
alter table agency_webhook alter column secret set data type varchar(400);
