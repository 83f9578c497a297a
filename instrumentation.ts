// Runs once when a server process starts (Next's instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installRawRequestGuard } = await import("@/lib/api/raw-request-guard");
  installRawRequestGuard();
}
