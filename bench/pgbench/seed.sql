-- The 1,000 parties both scripts address, in the mid-game state the benchmarks save (rows that
-- save-load.mjs already saved are kept).
INSERT INTO users (id, name, is_guest) VALUES ('00000000-0000-4000-8000-0000000b0b0b'::uuid, 'Bench', true) ON CONFLICT (id) DO NOTHING;

INSERT INTO parties (owner_id, session_id, name, heroes, symbol_choice, scene_index, choices)
SELECT '00000000-0000-4000-8000-0000000b0b0b'::uuid, 'bench-' || lpad(n::text, 4, '0'), 'The Lantern Bearers ' || n,
       '[{"name":"Brakka Ironhide","class":"Fighter","hp":24},{"name":"Elowen Vex","class":"Wizard","hp":11},{"name":"Pip Quickfingers","class":"Rogue","hp":15},{"name":"Sister Maud","class":"Cleric","hp":18}]',
       'balance', 6,
       '{"scene1":"ask-locals","scene2":"pick-lock","scene3":"track-wolves","scene4":"sing-toll","scene5":"cleric-prayer"}'
FROM generate_series(0, 999) AS n
ON CONFLICT (owner_id, session_id) DO NOTHING;
