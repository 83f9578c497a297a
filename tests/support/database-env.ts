// Points lib/env at this project's database before any app module is imported.
import { inject } from "vitest";

if (process.env.TEST_DATABASE === "postgres") {
  process.env.DATABASE_URL = inject("postgresUrl");
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
}
