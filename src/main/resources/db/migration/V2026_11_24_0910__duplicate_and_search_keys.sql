-- Keys for finding duplicates and for the top-bar search, derived in the database so that
-- every way a record is written (forms, API, import, COPY) fills them the same way.

-- A name reduced to what tells one company or person from another: lower case, Cyrillic
-- spelled in Latin letters (so "Ромашка" and "Romashka" meet), Ё as Е, quotes and
-- punctuation gone, and legal-form words (ООО, АО, ИП, LLC, GmbH…) dropped wherever they
-- stand.
create function clientele_name_key(name text) returns text
    language sql immutable strict parallel safe
as $$
select nullif(btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    translate(
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
            lower(name), 'щ', 'shch'), 'ж', 'zh'), 'ч', 'ch'), 'ш', 'sh'), 'ю', 'yu'), 'я', 'ya'),
            'х', 'kh'), 'ц', 'ts'), 'ё', 'e'), 'й', 'i'),
        'абвгдезиклмнопрстуфыэъь', 'abvgdeziklmnoprstufye'),
    'x', 'ks', 'g'),
    '[^a-z0-9]+', ' ', 'g'),
    '\m(obshchestvo s ogranichennoi otvetstvennostyu|publichnoe aktsionernoe obshchestvo'
      '|nepublichnoe aktsionernoe obshchestvo|zakrytoe aktsionernoe obshchestvo'
      '|otkrytoe aktsionernoe obshchestvo|aktsionernoe obshchestvo|individualnyi predprinimatel'
      '|limited liability company|ooo|oao|zao|pao|ao|ip|nko|ano|llc|ltd|inc|gmbh|corp|jsc|ojsc|cjsc|plc)\M',
    ' ', 'g'),
    ' {2,}', ' ', 'g')), '')
$$;

-- Digits and lower-cased addresses of a text array, for the search text.
create function clientele_joined(items text[]) returns text
    language sql immutable parallel safe
as $$ select coalesce(array_to_string(items, ' '), '') $$;

-- The string values of extra fields (text, links, chosen options), for the search text.
create function clientele_custom_text(custom jsonb) returns text
    language sql immutable parallel safe
as $$
select coalesce(string_agg(lower(value #>> '{}'), ' '), '')
  from jsonb_each(custom)
 where jsonb_typeof(value) = 'string'
$$;

-- Everything the top-bar search looks in, lower case with Ё as Е: name, tax ids, phone
-- digits (E.164), e-mail addresses and extra text fields.
create function clientele_search_text(name text, ids text, phones text[], emails text[], custom jsonb)
    returns text
    language sql immutable parallel safe
as $$
select translate(lower(coalesce(name, '')), 'ё', 'е') || ' ' || coalesce(ids, '') || ' '
       || clientele_joined(phones) || ' ' || clientele_joined(emails) || ' ' || clientele_custom_text(custom)
$$;

alter table clients
    add column name_key text generated always as (clientele_name_key(name)) stored,
    add column search_text text generated always as (clientele_search_text(name,
        coalesce(inn, '') || ' ' || coalesce(ogrn, ''), phone_digits, email_lower, custom)) stored;
create index clients_name_key_trgm_idx on clients using gin (name_key gin_trgm_ops) where deleted_at is null;
create index clients_search_trgm_idx on clients using gin (search_text gin_trgm_ops) where deleted_at is null;

alter table contacts
    add column name_key text generated always as (clientele_name_key(full_name)) stored,
    add column search_text text generated always as (clientele_search_text(full_name, null, phone_digits,
        email_lower, custom)) stored;
create index contacts_name_key_trgm_idx on contacts using gin (name_key gin_trgm_ops) where deleted_at is null;
create index contacts_search_trgm_idx on contacts using gin (search_text gin_trgm_ops) where deleted_at is null;

alter table leads
    add column name_key text generated always as (clientele_name_key(name)) stored,
    add column company_key text generated always as (clientele_name_key(company)) stored,
    add column search_text text generated always as (clientele_search_text(name || ' ' || coalesce(company, ''),
        null, phone_digits, email_lower, custom)) stored;
create index leads_name_key_trgm_idx on leads using gin (name_key gin_trgm_ops);
create index leads_company_key_trgm_idx on leads using gin (company_key gin_trgm_ops);
create index leads_search_trgm_idx on leads using gin (search_text gin_trgm_ops);
