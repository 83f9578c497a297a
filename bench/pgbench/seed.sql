-- The 1,000 parties both scripts address, in the mid-game state the benchmarks save (rows that
-- save-load.mjs already saved are kept).
INSERT INTO parties (session_id, name, heroes, symbol_choice, scene_index, choices)
SELECT 'bench-' || lpad(n::text, 4, '0'), 'The Lantern Bearers ' || n,
       '[{"name":"Brakka Ironhide","class":"Fighter","hp":24},{"name":"Elowen Vex","class":"Wizard","hp":11},{"name":"Pip Quickfingers","class":"Rogue","hp":15},{"name":"Sister Maud","class":"Cleric","hp":18}]',
       'balance', 6,
       '{"scene1":"ask-locals","scene2":"pick-lock","scene3":"track-wolves","scene4":"sing-toll","scene5":"cleric-prayer"}'
FROM generate_series(0, 999) AS n
ON CONFLICT (session_id) DO NOTHING;
