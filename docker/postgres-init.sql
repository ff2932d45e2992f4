CREATE DATABASE maap_audit_programme;
CREATE DATABASE maap_case_return;
CREATE DATABASE maap_action_plan;
CREATE DATABASE maap_notification;
