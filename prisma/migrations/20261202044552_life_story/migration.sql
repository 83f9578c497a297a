-- AlterEnum
ALTER TYPE "ChatRole" ADD VALUE 'event';

-- AlterTable
ALTER TABLE "chat_messages" ADD COLUMN     "event" JSONB,
ADD COLUMN     "phase" TEXT;

-- CreateTable
CREATE TABLE "stories" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "owner_id" UUID NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'greeting',
    "age_range" TEXT,
    "themes" JSONB NOT NULL DEFAULT '[]',
    "title" TEXT,
    "synthesis" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_cards" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "story_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,
    "deleted_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "story_cards_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stories_owner_id_updated_at_idx" ON "stories"("owner_id", "updated_at");

-- CreateIndex
CREATE INDEX "story_cards_story_id_position_idx" ON "story_cards"("story_id", "position");

-- AddForeignKey
ALTER TABLE "stories" ADD CONSTRAINT "stories_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_cards" ADD CONSTRAINT "story_cards_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE ON UPDATE CASCADE;
