-- Webhooks for agency systems: one endpoint and signing secret per agency in a partnership, kept with the
-- contacts directory (changes recorded in contact_change under 'webhook:<agency>'). email_too: whether the
-- agency's people are still emailed as well (false: the webhook instead of email).
create table agency_webhook (
    partnership varchar(100) not null,
    agency varchar(40) not null,
    url varchar(2000) not null,
    secret varchar(200) not null,
    email_too boolean not null,
    updated_by varchar(200) not null,
    updated_at timestamp with time zone not null,
    primary key (partnership, agency)
);

-- A relayed agency outcome keeps the whole event (its attributes and payload) in params.
alter table notification alter column params set data type varchar(65536);
