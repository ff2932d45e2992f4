create table audit (id varchar(36) primary key, theme varchar(200) not null);
create table case_return (id varchar(36) primary key, audit_id varchar(36) not null references audit (id));
create index case_return_audit on case_return (audit_id);
