-- CreateTable
CREATE TABLE "parties" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "heroes" JSONB NOT NULL,
    "symbol_choice" TEXT,
    "scene_index" INTEGER NOT NULL,
    "choices" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "owner_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "parties_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "party_snapshots" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "party_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "scene_index" INTEGER NOT NULL,
    "state" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "party_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "parties_session_id_key" ON "parties"("session_id");

-- CreateIndex
CREATE INDEX "parties_owner_id_idx" ON "parties"("owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "party_snapshots_party_id_version_key" ON "party_snapshots"("party_id", "version");

-- AddForeignKey
ALTER TABLE "party_snapshots" ADD CONSTRAINT "party_snapshots_party_id_fkey" FOREIGN KEY ("party_id") REFERENCES "parties"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Guards the API also enforces (Prisma does not model CHECK constraints).
ALTER TABLE "parties" ADD CONSTRAINT "parties_scene_index_check" CHECK ("scene_index" BETWEEN 1 AND 11);
ALTER TABLE "parties" ADD CONSTRAINT "parties_version_check" CHECK ("version" >= 1);
ALTER TABLE "party_snapshots" ADD CONSTRAINT "party_snapshots_scene_index_check" CHECK ("scene_index" BETWEEN 1 AND 11);
