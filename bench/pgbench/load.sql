-- The SQL Prisma generates for loadGame's findUnique (captured with log: ["query"]),
-- with its LIMIT/OFFSET parameters written as literals.
\set n random(0, 999)
SELECT "public"."parties"."id", "public"."parties"."session_id", "public"."parties"."name",
       "public"."parties"."heroes", "public"."parties"."symbol_choice", "public"."parties"."scene_index",
       "public"."parties"."choices", "public"."parties"."version", "public"."parties"."updated_at"
FROM "public"."parties"
WHERE ("public"."parties"."owner_id" = '00000000-0000-4000-8000-0000000b0b0b'::uuid AND "public"."parties"."session_id" = 'bench-' || lpad(:n::text, 4, '0') AND 1=1) LIMIT 1 OFFSET 0;
