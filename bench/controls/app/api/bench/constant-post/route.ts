// Control: the save route's shape (POST with a JSON body, read in full) and the trivial route's answer.
export async function POST(request: Request) {
  await request.text();
  return Response.json({ status: "ok" });
}
