-- The load statement of lib/saves/service.ts (LOAD_PARTY), but for the parameters: the owner is
-- the bench user of seed.sql and the session id is one of bench-0000..bench-0999.
\set n random(0, 999)
SELECT session_id, name, heroes, symbol_choice, scene_index, choices, flags, clues, version, updated_at
FROM parties WHERE owner_id = '00000000-0000-4000-8000-0000000b0b0b'::uuid AND session_id = 'bench-' || lpad(:n::text, 4, '0');
