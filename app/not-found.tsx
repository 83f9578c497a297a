import Link from "next/link";
import { StatusPanel } from "@/components/status-panel";

export default function NotFound() {
  return (
    <StatusPanel
      glyph="?"
      title="Lost in the mist"
      testId="not-found"
      actions={
        <Link href="/" className="btn btn-primary">
          Back to the title screen
        </Link>
      }
    >
      <p>This path leads nowhere. Perhaps the map was drawn by a bard.</p>
    </StatusPanel>
  );
}
