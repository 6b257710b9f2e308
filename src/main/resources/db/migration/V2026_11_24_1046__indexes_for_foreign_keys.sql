-- Deleting a row checks each foreign key pointing at it; without an index on the
-- referencing column that check reads the whole referencing table once per deleted row
-- (purging a thousand clients read the million clients a thousand times). SchemaIntegrationTests
-- keeps every such reference indexed.
create index clients_merged_into_idx on clients (merged_into) where merged_into is not null;
create index contacts_merged_into_idx on contacts (merged_into) where merged_into is not null;
create index imports_default_client_idx on imports (default_client_id) where default_client_id is not null;
create index lead_forms_department_idx on lead_forms (department_id) where department_id is not null;
create index leads_form_idx on leads (form_id) where form_id is not null;
create index leads_rejection_reason_idx on leads (rejection_reason_id) where rejection_reason_id is not null;
create index saved_views_shared_department_idx on saved_views (shared_department_id)
    where shared_department_id is not null;
