-- The save statement of lib/saves/service.ts (SAVE_PARTY), verbatim but for the parameters:
-- the state comes in as pgbench variables (-D, sent as bind parameters under -M prepared),
-- expected_version is NULL (a plain save), the owner is the bench user of seed.sql and the
-- session id is one of bench-0000..bench-0999.
\set n random(0, 999)
WITH upserted AS (
  INSERT INTO parties AS p (owner_id, session_id, name, heroes, symbol_choice, scene_index, choices, flags, clues)
  SELECT '00000000-0000-4000-8000-0000000b0b0b'::uuid, 'bench-' || lpad(:n::text, 4, '0'), :party_name, :heroes::jsonb, :symbol_choice,
         :scene_index::int, :choices::jsonb, '{}'::text[], '{}'::text[]
  WHERE NULL::int IS NULL OR NULL::int = 0
     OR EXISTS (SELECT 1 FROM parties WHERE owner_id = '00000000-0000-4000-8000-0000000b0b0b'::uuid AND session_id = 'bench-' || lpad(:n::text, 4, '0'))
  ON CONFLICT (owner_id, session_id) DO UPDATE SET
    name = EXCLUDED.name, heroes = EXCLUDED.heroes, symbol_choice = EXCLUDED.symbol_choice,
    scene_index = EXCLUDED.scene_index, choices = EXCLUDED.choices,
    flags = EXCLUDED.flags, clues = EXCLUDED.clues,
    version = p.version + 1, updated_at = now()
  WHERE NULL::int IS NULL OR p.version = NULL::int
  RETURNING p.id, p.version, p.scene_index
), snapshot AS (
  INSERT INTO party_snapshots (party_id, version, scene_index, state)
  SELECT id, version, scene_index, :state::jsonb FROM upserted
), pruned AS (
  DELETE FROM party_snapshots s USING upserted u
  WHERE s.party_id = u.id AND s.version <= u.version - 20
)
SELECT version, scene_index FROM upserted;
